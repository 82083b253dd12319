package com.yihuiliao.command.payment;

import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.payment.PaymentSucceeded;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills {@code payment_order} (V190) for a database that had orders before it: while the table is empty,
 * each order's events are read once and its row inserted if absent. It runs when the bean is created,
 * before Axon's processors and the web server start, so nothing on this node writes orders meanwhile; rows
 * the lookup wrote first (another node) are kept. Once a row exists, start-ups skip it at the cost of one
 * count.
 */
@Component
public class PaymentOrderBackfill {

    private static final Logger log = LoggerFactory.getLogger(PaymentOrderBackfill.class);

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    PaymentOrderBackfill(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    @PostConstruct
    void backfill() {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM payment_order", Integer.class);
        if (rows != null && rows > 0) {
            return;
        }
        int orders = fillFromEvents();
        if (orders > 0) {
            log.info("payment_order filled from the event store: {} orders", orders);
        }
    }

    /** Every order in the event store gets its row if it has none (rows there are kept); answers how many were read. */
    public int fillFromEvents() {
        List<String> orders = jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                + "WHERE payload_type = ?", String.class, PaymentCreated.class.getName());
        orders.forEach(this::fill);
        return orders.size();
    }

    private void fill(String outTradeNo) {
        PaymentCreated created = null;
        Instant createdAt = null;
        Instant paidAt = null;
        PaymentStatus status = null;
        DomainEventStream events = eventStore.readEvents(outTradeNo);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof PaymentCreated first) {
                created = first;
                createdAt = event.getTimestamp();
                status = PaymentStatus.CREATED;
            } else if (event.getPayload() instanceof PaymentSucceeded) {
                status = PaymentStatus.PAID;
                paidAt = event.getTimestamp();
            } else if (event.getPayload() instanceof PaymentClosed) {
                status = PaymentStatus.CLOSED;
            }
        }
        if (created != null) {
            PaymentOrderLookup.insertIfAbsent(jdbc, created, status, createdAt, paidAt);
        }
    }
}
