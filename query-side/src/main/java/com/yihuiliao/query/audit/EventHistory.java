package com.yihuiliao.query.audit;

import com.yihuiliao.api.BusinessRuleViolation;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The one reader of the event store for audits: an aggregate's events, oldest first, as stored (upcast as every
 * reader reads them), from the first — never a snapshot, never a projection. Any node can read it: the event
 * store is the shared database's table.
 */
@Component
class EventHistory {

    private final EventStore events;

    EventHistory(EventStore events) {
        this.events = events;
    }

    /** The aggregate's whole history; an id that names no aggregate of this kind answers the kind's 404. */
    List<DomainEventMessage<?>> of(AuditedKind kind, String id) {
        List<DomainEventMessage<?>> history = events.readEvents(id, 0L).asStream()
                .filter(event -> kind.aggregateType.equals(event.getType()))
                .<DomainEventMessage<?>>map(event -> event)
                .toList();
        if (history.isEmpty()) {
            throw new BusinessRuleViolation(kind.notFound);
        }
        return history;
    }
}
