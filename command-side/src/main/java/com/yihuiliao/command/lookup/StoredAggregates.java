package com.yihuiliao.command.lookup;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Whether an aggregate has been stored: the flows ask before they load one, since loading an unknown
 * identifier fails the whole unit of work instead of answering "no such thing".
 */
@Component
public class StoredAggregates {

    private final EventStore eventStore;

    public StoredAggregates(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public boolean exists(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).isPresent();
    }
}
