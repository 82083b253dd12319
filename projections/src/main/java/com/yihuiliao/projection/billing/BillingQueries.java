package com.yihuiliao.projection.billing;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.billing.AccountMovement;
import com.yihuiliao.api.billing.FindAccountMovements;
import com.yihuiliao.api.billing.FindPaymentRecord;
import com.yihuiliao.api.billing.FindPaymentRecords;
import com.yihuiliao.api.billing.FindRefundRecords;
import com.yihuiliao.api.billing.MovementDirection;
import com.yihuiliao.api.billing.PaymentRecord;
import com.yihuiliao.api.billing.PaymentRecordDetail;
import com.yihuiliao.api.billing.PaymentRecordStatus;
import com.yihuiliao.api.billing.RefundRecord;
import com.yihuiliao.api.payment.CloseReason;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.SqlFilter;
import com.yihuiliao.projection.Utc;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Finance's, auditors' and patients' views of the billing records; every list is newest first. */
@Component
class BillingQueries {

    private static final RowMapper<PaymentRecord> PAYMENT = (rs, i) -> new PaymentRecord(rs.getString("out_trade_no"),
            PaymentPurpose.valueOf(rs.getString("purpose")), rs.getString("reference_id"), rs.getString("patient_id"),
            rs.getLong("amount_fen"), PaymentChannel.valueOf(rs.getString("channel")),
            PaymentRecordStatus.valueOf(rs.getString("status")), rs.getString("transaction_id"),
            rs.getLong("refunded_fen"), Utc.read(rs, "created_at"), Utc.read(rs, "paid_at"), Utc.read(rs, "closed_at"),
            null, code(CloseReason.class, rs.getString("close_reason_code")), rs.getString("close_detail"),
            rs.getObject("business_date", LocalDate.class));

    private static final RowMapper<RefundRecord> REFUND = (rs, i) -> new RefundRecord(rs.getString("out_refund_no"),
            rs.getString("out_trade_no"), rs.getString("patient_id"),
            rs.getString("purpose") == null ? null : PaymentPurpose.valueOf(rs.getString("purpose")),
            rs.getLong("amount_fen"), PaymentChannel.valueOf(rs.getString("channel")), null,
            code(RefundReason.class, rs.getString("reason_code")), rs.getString("reason_note"), rs.getString("operator"),
            RefundStatus.valueOf(rs.getString("status")), null, code(RefundFailure.class, rs.getString("failure_code")),
            rs.getString("failure_detail"), null, rs.getObject("balance_after_fen", Long.class),
            rs.getString("wechat_refund_id"), rs.getString("received_by"), rs.getString("channel_note"),
            Utc.read(rs, "requested_at"), Utc.read(rs, "finished_at"), rs.getObject("business_date", LocalDate.class));

    /** The billing records keep codes; the query API words them in the reader's language (BillingWording). */
    private static <E extends Enum<E>> E code(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static final RowMapper<AccountMovement> MOVEMENT = (rs, i) -> new AccountMovement(
            rs.getString("account_id"), rs.getLong("sequence_number"), rs.getString("patient_id"),
            AccountKind.valueOf(rs.getString("kind")), MovementDirection.valueOf(rs.getString("direction")),
            rs.getLong("amount_fen"), rs.getLong("balance_after_fen"), rs.getString("cause_type"),
            rs.getString("cause_reference"), Utc.read(rs, "occurred_at"), rs.getObject("business_date", LocalDate.class));

    private static final Keyset<PaymentRecord> PAYMENTS = new Keyset<>("payments",
            p -> new Object[]{p.createdAt(), p.outTradeNo()},
            Keyset.desc("created_at", Keyset.Type.INSTANT), Keyset.desc("out_trade_no", Keyset.Type.STRING));
    private static final Keyset<RefundRecord> REFUNDS = new Keyset<>("refunds",
            r -> new Object[]{r.requestedAt(), r.outRefundNo()},
            Keyset.desc("requested_at", Keyset.Type.INSTANT), Keyset.desc("out_refund_no", Keyset.Type.STRING));
    /** Movements of both accounts interleave: the account id and its sequence make the key unique. */
    private static final Keyset<AccountMovement> MOVEMENTS = new Keyset<>("movements",
            m -> new Object[]{m.occurredAt(), m.accountId(), m.sequence()},
            Keyset.desc("occurred_at", Keyset.Type.INSTANT), Keyset.desc("account_id", Keyset.Type.STRING),
            Keyset.desc("sequence_number", Keyset.Type.LONG));

    private final JdbcTemplate jdbc;

    BillingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    ListPage<PaymentRecord> handle(FindPaymentRecords q) {
        SqlFilter filter = new SqlFilter()
                .with("business_date >= ?", q.from())
                .with("business_date <= ?", q.to())
                .with("patient_id = ?", q.patientId())
                .with("purpose = ?", q.purpose() == null ? null : q.purpose().name())
                .with("channel = ?", q.channel() == null ? null : q.channel().name())
                .with("status = ?", q.status() == null ? null : q.status().name());
        Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS total, COALESCE(SUM(amount_fen), 0) AS amount, "
                + "COALESCE(SUM(refunded_fen), 0) AS refunded FROM payment_record" + filter.where(), filter.args());
        return PAYMENTS.page(jdbc, "SELECT * FROM payment_record", filter.where(), filter.argList(), PAYMENT,
                q.cursor(), q.size(), number(totals.get("total")), sums("amountSumFen", totals.get("amount"),
                        "refundedSumFen", totals.get("refunded")));
    }

    @QueryHandler
    PaymentRecordDetail handle(FindPaymentRecord q) {
        List<PaymentRecord> found = jdbc.query("SELECT * FROM payment_record WHERE out_trade_no = ?", PAYMENT,
                q.outTradeNo());
        if (found.isEmpty()) {
            return null;
        }
        return new PaymentRecordDetail(found.get(0), jdbc.query("SELECT * FROM refund_record WHERE out_trade_no = ? "
                + "ORDER BY requested_at, out_refund_no", REFUND, q.outTradeNo()));
    }

    @QueryHandler
    ListPage<RefundRecord> handle(FindRefundRecords q) {
        SqlFilter filter = new SqlFilter()
                .with("business_date >= ?", q.from())
                .with("business_date <= ?", q.to())
                .with("patient_id = ?", q.patientId())
                .with("status = ?", q.status() == null ? null : q.status().name())
                .with("channel = ?", q.channel() == null ? null : q.channel().name());
        Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS total, COALESCE(SUM(amount_fen), 0) AS amount "
                + "FROM refund_record" + filter.where(), filter.args());
        return REFUNDS.page(jdbc, "SELECT * FROM refund_record", filter.where(), filter.argList(), REFUND, q.cursor(),
                q.size(), number(totals.get("total")), sums("amountSumFen", totals.get("amount")));
    }

    @QueryHandler
    ListPage<AccountMovement> handle(FindAccountMovements q) {
        SqlFilter filter = new SqlFilter()
                .with("patient_id = ?", q.patientId())
                .with("kind = ?", q.kind() == null ? null : q.kind().name())
                .with("business_date >= ?", q.from())
                .with("business_date <= ?", q.to());
        Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS total, "
                + "COALESCE(SUM(CASE WHEN direction = 'CREDIT' THEN amount_fen ELSE 0 END), 0) AS credits, "
                + "COALESCE(SUM(CASE WHEN direction = 'DEBIT' THEN amount_fen ELSE 0 END), 0) AS debits "
                + "FROM account_movement" + filter.where(), filter.args());
        return MOVEMENTS.page(jdbc, "SELECT * FROM account_movement", filter.where(), filter.argList(), MOVEMENT,
                q.cursor(), q.size(), number(totals.get("total")), sums("creditSumFen", totals.get("credits"),
                        "debitSumFen", totals.get("debits")));
    }

    /** The whole filter's sums by name, in the order given. */
    private static Map<String, Long> sums(Object... namesAndValues) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sums.put((String) namesAndValues[i], number(namesAndValues[i + 1]));
        }
        return sums;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
