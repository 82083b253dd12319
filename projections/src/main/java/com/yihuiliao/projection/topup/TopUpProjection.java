package com.yihuiliao.projection.topup;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.MovementCause;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.topup.FindPatientTopUps;
import com.yihuiliao.api.topup.FindTopUps;
import com.yihuiliao.api.topup.TopUpCreated;
import com.yihuiliao.api.topup.TopUpCredited;
import com.yihuiliao.api.topup.TopUpPaid;
import com.yihuiliao.api.topup.TopUpPartlyRefunded;
import com.yihuiliao.api.topup.TopUpRecord;
import com.yihuiliao.api.topup.TopUpRefundRestored;
import com.yihuiliao.api.topup.TopUpStatus;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.Utc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Top-up records, for the patient's page and staff's list. Every row carries the last event sequence
 * it reflects, and changes only for a later one: redelivery changes nothing.
 */
@Component
@ProcessingGroup(TopUpProjection.GROUP)
public class TopUpProjection {

    public static final String GROUP = "topup-view";

    private static final String SELECT = "SELECT * FROM topup_record";
    private static final Keyset<TopUpRecord> ORDER = new Keyset<>("top-ups", t -> new Object[]{t.createdAt(), t.topUpId()},
            Keyset.desc("created_at", Keyset.Type.INSTANT), Keyset.desc("top_up_id", Keyset.Type.STRING));
    private static final RowMapper<TopUpRecord> ROW = (rs, i) -> new TopUpRecord(rs.getString("top_up_id"),
            rs.getString("out_trade_no"), rs.getString("patient_id"), AccountKind.valueOf(rs.getString("kind")),
            PaymentChannel.valueOf(rs.getString("channel")), rs.getLong("amount_fen"),
            TopUpStatus.valueOf(rs.getString("status")), rs.getLong("refunded_fen"), Utc.read(rs, "created_at"),
            Utc.read(rs, "paid_at"), Utc.read(rs, "credited_at"), rs.getString("receipt_no"), rs.getString("operator"));

    private final JdbcTemplate jdbc;

    TopUpProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TopUpCreated e, @SequenceNumber long sequence, @Timestamp Instant at) {
        try {
            jdbc.update("INSERT INTO topup_record (top_up_id, out_trade_no, patient_id, kind, channel, amount_fen, "
                            + "status, refunded_fen, created_at, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    e.topUpId(), e.outTradeNo(), e.patientId(), e.kind().name(), e.channel().name(), e.amountFen(),
                    TopUpStatus.CREATED.name(), Utc.of(at), sequence);
        } catch (DuplicateKeyException redelivered) {
            // the row reflects this event or a later one
        }
    }

    @EventHandler
    void on(TopUpPaid e, @SequenceNumber long sequence) {
        jdbc.update("UPDATE topup_record SET status = ?, paid_at = ?, last_sequence = ? "
                + "WHERE top_up_id = ? AND last_sequence < ?", TopUpStatus.PAID.name(), Utc.of(e.paidAt()), sequence,
                e.topUpId(), sequence);
    }

    @EventHandler
    void on(TopUpCredited e, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("UPDATE topup_record SET status = ?, credited_at = ?, last_sequence = ? "
                + "WHERE top_up_id = ? AND last_sequence < ?", TopUpStatus.CREDITED.name(), Utc.of(at), sequence,
                e.topUpId(), sequence);
    }

    /**
     * A cashier's counter top-up ({@code COUNTER_TOPUP:<receiptNo>}) is a top-up record too: credited at once,
     * no WeChat order. Its id follows from the account and the receipt (the account credits a receipt once), so
     * a redelivery finds its row. Withdrawals never see these rows: their candidates are the command side's
     * {@code topup_funding}, which only WeChat top-ups enter.
     */
    @EventHandler
    void on(AccountCredited e, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!MovementCause.COUNTER_TOPUP.equals(e.cause().type())) {
            return;
        }
        try {
            jdbc.update("INSERT INTO topup_record (top_up_id, out_trade_no, patient_id, kind, channel, amount_fen, "
                            + "status, refunded_fen, created_at, paid_at, credited_at, receipt_no, operator, last_sequence) "
                            + "VALUES (?, NULL, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
                    counterRecordId(e.accountId(), e.cause().referenceId()), e.patientId(), e.kind().name(),
                    PaymentChannel.COUNTER.name(), e.amountFen(), TopUpStatus.CREDITED.name(), Utc.of(at), Utc.of(at),
                    Utc.of(at), e.cause().referenceId(), e.operator(), sequence);
        } catch (DuplicateKeyException redelivered) {
            // the record is there
        }
    }

    /** {@code CT} + 30 hex digits of SHA-256(accountId:receiptNo): fits the column, the same on every delivery. */
    static String counterRecordId(String accountId, String receiptNo) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + ":" + receiptNo).getBytes(StandardCharsets.UTF_8));
            return "CT" + HexFormat.of().formatHex(digest).substring(0, 30).toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The top-up's order expired unpaid (closed by the sweep). The order is another aggregate: the
     * group runs in one sequence (see AxonConfiguration), so its top-up's row is always there first.
     */
    @EventHandler
    void on(PaymentClosed e) {
        jdbc.update("UPDATE topup_record SET status = ? WHERE out_trade_no = ? AND status = ?",
                TopUpStatus.CLOSED.name(), e.outTradeNo(), TopUpStatus.CREATED.name());
    }

    @EventHandler
    void on(TopUpPartlyRefunded e, @SequenceNumber long sequence) {
        refundable(e.topUpId(), e.refundableAfterFen(), sequence);
    }

    @EventHandler
    void on(TopUpRefundRestored e, @SequenceNumber long sequence) {
        refundable(e.topUpId(), e.refundableAfterFen(), sequence);
    }

    private void refundable(String topUpId, long refundableFen, long sequence) {
        jdbc.update("UPDATE topup_record SET refunded_fen = amount_fen - ?, last_sequence = ? "
                + "WHERE top_up_id = ? AND last_sequence < ?", refundableFen, sequence, topUpId, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM topup_record");
    }

    /** The patient's top-ups, newest first. */
    @QueryHandler
    ListPage<TopUpRecord> handle(FindPatientTopUps q) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM topup_record WHERE patient_id = ?", Long.class,
                q.patientId());
        return ORDER.page(jdbc, SELECT, " WHERE patient_id = ?", List.of(q.patientId()), ROW, q.cursor(), q.size(),
                total == null ? 0 : total, null);
    }

    @QueryHandler
    ListPage<TopUpRecord> handle(FindTopUps q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.patientId() != null) {
            where.append(" AND patient_id = ?");
            args.add(q.patientId());
        }
        if (q.kind() != null) {
            where.append(" AND kind = ?");
            args.add(q.kind().name());
        }
        if (q.from() != null) {
            where.append(" AND created_at >= ?");
            args.add(Utc.of(q.from().atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant()));
        }
        if (q.to() != null) {
            where.append(" AND created_at < ?");
            args.add(Utc.of(q.to().plusDays(1).atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant()));
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM topup_record" + where, Long.class, args.toArray());
        return ORDER.page(jdbc, SELECT, where.toString(), args, ROW, q.cursor(), q.size(), total == null ? 0 : total,
                null);
    }
}
