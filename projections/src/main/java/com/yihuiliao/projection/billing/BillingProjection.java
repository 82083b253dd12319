package com.yihuiliao.projection.billing;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.MovementCause;
import com.yihuiliao.api.billing.MovementDirection;
import com.yihuiliao.api.billing.PaymentRecordStatus;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.api.refund.RefundFailed;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.projection.Utc;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The billing records: payments, refunds and account movements. A payment or refund row only moves
 * forward to a higher sequence number of its aggregate, and a movement row is keyed by the account's
 * sequence number, so a redelivered event changes nothing. Payment and refund events of one payment
 * are handled in order ({@link BillingSequencing}), so a refund finds its payment's row.
 */
@Component
@ProcessingGroup(BillingProjection.GROUP)
public class BillingProjection {

    public static final String GROUP = "billing-view";

    private final JdbcTemplate jdbc;

    BillingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static LocalDate businessDate(Instant at) {
        return LocalDate.ofInstant(at, Clocks.HOSPITAL_ZONE);
    }

    // --- payments ---------------------------------------------------------------------------------

    @EventHandler
    void on(PaymentCreated e, @SequenceNumber long sequence, @Timestamp Instant at) {
        insertOnce("INSERT INTO payment_record (out_trade_no, purpose, reference_id, patient_id, amount_fen, channel, "
                        + "status, refunded_fen, created_at, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                e.outTradeNo(), e.purpose().name(), e.referenceId(), e.patientId(), e.amountFen(), e.channel().name(),
                PaymentRecordStatus.CREATED.name(), Utc.of(at), sequence);
        // refunds seen before their payment (only if events of one payment were ever handled out of order)
        jdbc.update("UPDATE refund_record SET patient_id = ?, purpose = ? WHERE out_trade_no = ? AND patient_id IS NULL",
                e.patientId(), e.purpose().name(), e.outTradeNo());
    }

    @EventHandler
    void on(PaymentSucceeded e, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("UPDATE payment_record SET status = ?, transaction_id = ?, paid_at = ?, business_date = ?, "
                        + "last_sequence = ? WHERE out_trade_no = ? AND last_sequence < ?",
                PaymentRecordStatus.PAID.name(), e.transactionId(), Utc.of(at), businessDate(at), sequence,
                e.outTradeNo(), sequence);
    }

    @EventHandler
    void on(PaymentClosed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("UPDATE payment_record SET status = ?, closed_at = ?, close_reason_code = ?, close_detail = ?, "
                        + "last_sequence = ? WHERE out_trade_no = ? AND last_sequence < ?",
                PaymentRecordStatus.CLOSED.name(), Utc.of(at), name(e.reason()), e.detail(), sequence, e.outTradeNo(),
                sequence);
    }

    @EventHandler
    void on(RefundSettled e, @SequenceNumber long sequence) {
        jdbc.update("UPDATE payment_record SET refunded_fen = ?, status = CASE WHEN ? >= amount_fen THEN ? ELSE ? END, "
                        + "last_sequence = ? WHERE out_trade_no = ? AND last_sequence < ?",
                e.refundedTotalFen(), e.refundedTotalFen(), PaymentRecordStatus.REFUNDED.name(),
                PaymentRecordStatus.PARTLY_REFUNDED.name(), sequence, e.outTradeNo(), sequence);
    }

    // --- refunds ----------------------------------------------------------------------------------

    @EventHandler
    void on(RefundRequested e, @SequenceNumber long sequence, @Timestamp Instant at) {
        List<Map<String, Object>> payment = jdbc.queryForList(
                "SELECT patient_id, purpose FROM payment_record WHERE out_trade_no = ?", e.outTradeNo());
        Object patientId = payment.isEmpty() ? null : payment.get(0).get("patient_id");
        Object purpose = payment.isEmpty() ? null : payment.get(0).get("purpose");
        insertOnce("INSERT INTO refund_record (out_refund_no, out_trade_no, patient_id, purpose, amount_fen, channel, "
                        + "reason_code, reason_note, operator, status, requested_at, business_date, last_sequence) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.outRefundNo(), e.outTradeNo(), patientId, purpose, e.amountFen(), e.channel().name(),
                name(e.reason()), e.note(), e.operator(), RefundStatus.REQUESTED.name(), Utc.of(at), businessDate(at), sequence);
    }

    @EventHandler
    void on(RefundSucceeded e, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("UPDATE refund_record SET status = ?, balance_after_fen = ?, wechat_refund_id = ?, received_by = ?, "
                        + "channel_note = ?, finished_at = ?, business_date = ?, last_sequence = ? "
                        + "WHERE out_refund_no = ? AND last_sequence < ?",
                RefundStatus.SUCCEEDED.name(), e.balanceAfterFen(), e.weChatRefundId(), e.receivedBy(), e.note(),
                Utc.of(at), businessDate(at), sequence, e.outRefundNo(), sequence);
    }

    @EventHandler
    void on(RefundFailed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("UPDATE refund_record SET status = ?, failure_code = ?, failure_detail = ?, finished_at = ?, "
                        + "business_date = ?, last_sequence = ? WHERE out_refund_no = ? AND last_sequence < ?",
                RefundStatus.FAILED.name(), name(e.reason()), e.detail(), Utc.of(at), businessDate(at), sequence,
                e.outRefundNo(), sequence);
    }

    private static String name(Enum<?> code) {
        return code == null ? null : code.name();
    }

    // --- account movements ------------------------------------------------------------------------

    @EventHandler
    void on(AccountCredited e, @SequenceNumber long sequence, @Timestamp Instant at) {
        movement(e.accountId(), sequence, e.patientId(), e.kind(), MovementDirection.CREDIT, e.amountFen(),
                e.balanceAfterFen(), e.cause(), at);
    }

    @EventHandler
    void on(AccountDebited e, @SequenceNumber long sequence, @Timestamp Instant at) {
        movement(e.accountId(), sequence, e.patientId(), e.kind(), MovementDirection.DEBIT, e.amountFen(),
                e.balanceAfterFen(), e.cause(), at);
    }

    private void movement(String accountId, long sequence, String patientId, AccountKind kind,
                          MovementDirection direction, long amountFen, long balanceAfterFen, MovementCause cause,
                          Instant at) {
        insertOnce("INSERT INTO account_movement (account_id, sequence_number, patient_id, kind, direction, amount_fen, "
                        + "balance_after_fen, cause_type, cause_reference, occurred_at, business_date) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                accountId, sequence, patientId, kind.name(), direction.name(), amountFen, balanceAfterFen, cause.type(),
                cause.referenceId(), Utc.of(at), businessDate(at));
    }

    private void insertOnce(String sql, Object... args) {
        try {
            jdbc.update(sql, args);
        } catch (DuplicateKeyException alreadySeen) {
            // a redelivered event: the row is there already
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM account_movement");
        jdbc.update("DELETE FROM refund_record");
        jdbc.update("DELETE FROM payment_record");
    }
}
