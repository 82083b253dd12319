package com.yihuiliao.command.payment;

import static com.yihuiliao.command.payment.JdbcPaymentOrders.utc;

import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.command.lookup.Lookups;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code payment_order} in step with the orders' events, in the command's own transaction (the
 * subscribing lookups group). Each write is idempotent, and none goes back on a later state, so the
 * start-up backfill ({@link PaymentOrderBackfill}) may run beside it.
 */
@Component
@ProcessingGroup(Lookups.GROUP)
class PaymentOrderLookup {

    private final JdbcTemplate jdbc;

    PaymentOrderLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentCreated event, @Timestamp Instant at) {
        insertIfAbsent(jdbc, event, PaymentStatus.CREATED, at, null);
    }

    @EventHandler
    void on(PaymentSucceeded event, @Timestamp Instant at) {
        jdbc.update("UPDATE payment_order SET status = ?, paid_at = ? WHERE out_trade_no = ?",
                PaymentStatus.PAID.name(), utc(at), event.outTradeNo());
    }

    @EventHandler
    void on(PaymentClosed event) {
        // a paid order is never closed (the aggregate refuses it); the condition keeps a replayed close harmless
        jdbc.update("UPDATE payment_order SET status = ? WHERE out_trade_no = ? AND status = ?",
                PaymentStatus.CLOSED.name(), event.outTradeNo(), PaymentStatus.CREATED.name());
    }

    static void insertIfAbsent(JdbcTemplate jdbc, PaymentCreated created, PaymentStatus status, Instant createdAt,
                               Instant paidAt) {
        jdbc.update("INSERT INTO payment_order (out_trade_no, purpose, reference_id, patient_id, amount_fen, channel, "
                        + "status, created_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE out_trade_no = out_trade_no", created.outTradeNo(),
                created.purpose().name(), created.referenceId(), created.patientId(), created.amountFen(),
                created.channel().name(), status.name(), utc(createdAt), utc(paidAt));
    }
}
