package com.yihuiliao.command.refund;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.refund.RefundFailed;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.command.lookup.Lookups;
import jakarta.annotation.PostConstruct;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What we know of our refunds without replaying one: the {@code refund_order} lookup (V161), kept from the
 * refunds' events in the command's own transaction (the subscribing lookups group), like {@code payment_order}.
 * Each write is idempotent and none goes back on a later state. A database that had refunds before the table is
 * filled once at start-up from the event store, before the processors start (as {@code PaymentOrderBackfill}).
 */
@Component
@ProcessingGroup(Lookups.GROUP)
public class RefundOrders {

    private static final Logger log = LoggerFactory.getLogger(RefundOrders.class);

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    RefundOrders(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    /** The refund, or empty for a number that is none of ours. */
    public Optional<RefundOrder> find(String outRefundNo) {
        return jdbc.query("SELECT * FROM refund_order WHERE out_refund_no = ?", RefundOrders::row, outRefundNo)
                .stream().findFirst();
    }

    /** The refunds of a channel requested in [from, to). */
    public List<RefundOrder> requestedBetween(PaymentChannel channel, Instant from, Instant to) {
        return jdbc.query("SELECT * FROM refund_order WHERE channel = ? AND requested_at >= ? AND requested_at < ? "
                + "ORDER BY requested_at, out_refund_no", RefundOrders::row, channel.name(), utc(from), utc(to));
    }

    @EventHandler
    void on(RefundRequested event, @Timestamp Instant at) {
        requested(event, at);
    }

    @EventHandler
    void on(RefundSucceeded event, @Timestamp Instant at) {
        finished(event.outRefundNo(), RefundStatus.SUCCEEDED, null, at);
    }

    @EventHandler
    void on(RefundFailed event, @Timestamp Instant at) {
        finished(event.outRefundNo(), RefundStatus.FAILED, event.reason() == null ? null : event.reason().name(), at);
    }

    private void requested(RefundRequested event, Instant at) {
        jdbc.update("INSERT INTO refund_order (out_refund_no, out_trade_no, amount_fen, channel, status, requested_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE out_refund_no = out_refund_no",
                event.outRefundNo(), event.outTradeNo(), event.amountFen(), event.channel().name(),
                RefundStatus.REQUESTED.name(), utc(at));
    }

    private void finished(String outRefundNo, RefundStatus status, String failure, Instant at) {
        jdbc.update("UPDATE refund_order SET status = ?, failure = ?, finished_at = ? WHERE out_refund_no = ? "
                + "AND status = ?", status.name(), failure, utc(at), outRefundNo, RefundStatus.REQUESTED.name());
    }

    @PostConstruct
    void backfill() {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM refund_order", Integer.class);
        if (rows != null && rows > 0) {
            return;
        }
        List<String> refunds = jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                + "WHERE payload_type = ?", String.class, RefundRequested.class.getName());
        for (String outRefundNo : refunds) {
            DomainEventStream events = eventStore.readEvents(outRefundNo);
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                Instant at = event.getTimestamp();
                if (event.getPayload() instanceof RefundRequested requested) {
                    requested(requested, at);
                } else if (event.getPayload() instanceof RefundSucceeded succeeded) {
                    finished(succeeded.outRefundNo(), RefundStatus.SUCCEEDED, null, at);
                } else if (event.getPayload() instanceof RefundFailed failed) {
                    finished(failed.outRefundNo(), RefundStatus.FAILED,
                            failed.reason() == null ? null : failed.reason().name(), at);
                }
            }
        }
        if (!refunds.isEmpty()) {
            log.info("refund_order filled from the event store: {} refunds", refunds.size());
        }
    }

    private static RefundOrder row(ResultSet rs, int n) throws SQLException {
        return new RefundOrder(rs.getString("out_refund_no"), rs.getString("out_trade_no"), rs.getLong("amount_fen"),
                PaymentChannel.valueOf(rs.getString("channel")), RefundStatus.valueOf(rs.getString("status")),
                rs.getString("failure"), instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("finished_at")));
    }

    /** Stored as UTC wall time whatever the JVM's zone (the lookups' convention). */
    private static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(java.sql.Timestamp stored) {
        return stored == null ? null : stored.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
