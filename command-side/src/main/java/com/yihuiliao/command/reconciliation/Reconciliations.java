package com.yihuiliao.command.reconciliation;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Cursor;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.command.payment.PaymentOrder;
import com.yihuiliao.command.payment.PaymentOrders;
import com.yihuiliao.command.payment.wechatpay.TradeBill;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import com.yihuiliao.command.refund.RefundOrder;
import com.yihuiliao.command.refund.RefundOrders;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs 对账 for a business day (Asia/Shanghai) and keeps its result: WeChat Pay's trade bill is downloaded first,
 * outside any transaction; then, in one transaction holding the day's row locked (so two nodes or two clicks run a
 * day one after the other), the differences ({@link Comparison}) become the day's mismatches — one row per day,
 * entry type and number, so a re-run never duplicates. A re-run replaces the day's open mismatches by what it
 * finds (one no longer found goes); a resolved one stays as it was resolved. The day's row keeps the last run's
 * counts and sums.
 */
@Component
public class Reconciliations {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    /** A day's last run. {@code balanced}: no mismatch was found (said explicitly). */
    public record Day(LocalDate date, boolean balanced, int mismatches, int openMismatches, int weChatPayments,
                      int weChatRefunds, int ourPayments, int ourRefunds, long weChatPaymentFen, long weChatRefundFen,
                      long ourPaymentFen, long ourRefundFen, int runs, Instant ranAt, String ranBy) {
    }

    /**
     * One difference found. {@code type}: PAYMENT or REFUND; {@code number}: its out_trade_no or out_refund_no.
     * A side that lacks the entry has null amount and status. {@code resolvedBy}/{@code resolvedAt}/{@code note}: who
     * resolved it, when and why (null while open).
     */
    public record Mismatch(String mismatchId, LocalDate date, Comparison.Kind kind, TradeBill.Kind type, String number,
                           String outTradeNo, Long weChatFen, Long ourFen, String weChatStatus, String ourStatus,
                           Instant foundAt, boolean open, Instant resolvedAt, String resolvedBy, String note) {
    }

    private final WeChatPay weChatPay;
    private final PaymentOrders paymentOrders;
    private final RefundOrders refundOrders;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    Reconciliations(WeChatPay weChatPay, PaymentOrders paymentOrders, RefundOrders refundOrders, JdbcTemplate jdbc,
                    PlatformTransactionManager transactions) {
        this.weChatPay = weChatPay;
        this.paymentOrders = paymentOrders;
        this.refundOrders = refundOrders;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Reconciles the day; {@code by}: the staff member, or {@code system} for the daily task. */
    public Day run(LocalDate date, String by) {
        TradeBill bill;
        try {
            bill = weChatPay.tradeBill(date);
        } catch (WeChatPayException e) {
            log.warn("Reconciliation of {}: no trade bill ({} {})", date, e.code(), e.getMessage());
            throw new BusinessRuleViolation("UNAVAILABLE".equals(e.code()) ? ErrorCode.WECHATPAY_UNAVAILABLE
                    : ErrorCode.RECONCILIATION_BILL_UNAVAILABLE, e.code());
        }
        return transaction.execute(status -> record(bill, by));
    }

    private Day record(TradeBill bill, String by) {
        LocalDate date = bill.date();
        Instant now = Instant.now();
        jdbc.update("INSERT INTO reconciliation_day (bill_date, wechat_payments, wechat_refunds, our_payments, our_refunds, "
                + "wechat_payment_fen, wechat_refund_fen, our_payment_fen, our_refund_fen, mismatches, runs, ran_at, ran_by) "
                + "VALUES (?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?) ON DUPLICATE KEY UPDATE bill_date = bill_date",
                Date.valueOf(date), utc(now), by);
        jdbc.queryForObject("SELECT runs FROM reconciliation_day WHERE bill_date = ? FOR UPDATE", Integer.class,
                Date.valueOf(date));

        // read after the lock: a run that waited sees what the one before it saw, or later
        Instant from = date.atStartOfDay(SHANGHAI).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        List<Comparison.Ours> ours = new ArrayList<>();
        paymentOrders.paidBetween(PaymentChannel.WECHAT, from, to).forEach(p -> ours.add(ours(p)));
        refundOrders.requestedBetween(PaymentChannel.WECHAT, from, to).stream().filter(Reconciliations::reachedWeChat)
                .forEach(r -> ours.add(ours(r)));
        List<Comparison.Difference> differences = Comparison.compare(bill, ours, key -> elsewhere(key));

        Set<String> found = new HashSet<>();
        for (Comparison.Difference d : differences) {
            String id = idOf(date, d.type(), d.number());
            found.add(id);
            int changed = jdbc.update("UPDATE reconciliation_mismatch SET kind = ?, out_trade_no = ?, wechat_fen = ?, "
                            + "our_fen = ?, wechat_status = ?, our_status = ? WHERE id = ? AND resolved_at IS NULL",
                    d.kind().name(), d.outTradeNo(), d.weChatFen(), d.ourFen(), d.weChatStatus(), d.ourStatus(), id);
            if (changed == 0) {
                jdbc.update("INSERT INTO reconciliation_mismatch (id, bill_date, entry_type, number, out_trade_no, kind, "
                                + "wechat_fen, our_fen, wechat_status, our_status, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                + "ON DUPLICATE KEY UPDATE id = id", id, Date.valueOf(date), d.type().name(), d.number(),
                        d.outTradeNo(), d.kind().name(), d.weChatFen(), d.ourFen(), d.weChatStatus(), d.ourStatus(),
                        utc(now));
            }
        }
        for (String open : jdbc.queryForList("SELECT id FROM reconciliation_mismatch WHERE bill_date = ? "
                + "AND resolved_at IS NULL", String.class, Date.valueOf(date))) {
            if (!found.contains(open)) {
                jdbc.update("DELETE FROM reconciliation_mismatch WHERE id = ?", open); // no longer differs
            }
        }

        List<TradeBill.Entry> payments = bill.entries().stream().filter(e -> e.kind() == TradeBill.Kind.PAYMENT).toList();
        List<TradeBill.Entry> refunds = bill.entries().stream().filter(e -> e.kind() == TradeBill.Kind.REFUND).toList();
        List<Comparison.Ours> ourPayments = ours.stream().filter(o -> o.type() == TradeBill.Kind.PAYMENT).toList();
        List<Comparison.Ours> ourRefunds = ours.stream().filter(o -> o.type() == TradeBill.Kind.REFUND).toList();
        jdbc.update("UPDATE reconciliation_day SET wechat_payments = ?, wechat_refunds = ?, our_payments = ?, our_refunds = ?, "
                        + "wechat_payment_fen = ?, wechat_refund_fen = ?, our_payment_fen = ?, our_refund_fen = ?, "
                        + "mismatches = ?, runs = runs + 1, ran_at = ?, ran_by = ? WHERE bill_date = ?",
                payments.size(), refunds.size(), ourPayments.size(), ourRefunds.size(),
                payments.stream().mapToLong(TradeBill.Entry::amountFen).sum(),
                refunds.stream().mapToLong(TradeBill.Entry::amountFen).sum(),
                ourPayments.stream().mapToLong(Comparison.Ours::amountFen).sum(),
                ourRefunds.stream().mapToLong(Comparison.Ours::amountFen).sum(),
                differences.size(), utc(now), by, Date.valueOf(date));
        log.info("Reconciliation of {} by {}: {} payments and {} refunds on WeChat Pay's bill, {} mismatches", date, by,
                payments.size(), refunds.size(), differences.size());
        return day(date).orElseThrow();
    }

    /** A refund WeChat Pay refused outright never reached its bill; any other of ours should be there. */
    private static boolean reachedWeChat(RefundOrder refund) {
        return !(refund.status() == RefundStatus.FAILED && RefundFailure.REFUSED_BY_WECHAT.name().equals(refund.failure()));
    }

    private Optional<Comparison.Ours> elsewhere(Comparison.Key key) {
        if (key.number() == null || key.number().isBlank()) {
            return Optional.empty();
        }
        if (key.type() == TradeBill.Kind.PAYMENT) {
            return paymentOrders.find(key.number()).filter(p -> p.channel() == PaymentChannel.WECHAT).map(Reconciliations::ours);
        }
        return refundOrders.find(key.number()).filter(r -> r.channel() == PaymentChannel.WECHAT)
                .filter(Reconciliations::reachedWeChat).map(Reconciliations::ours);
    }

    private static Comparison.Ours ours(PaymentOrder order) {
        return new Comparison.Ours(TradeBill.Kind.PAYMENT, order.outTradeNo(), order.outTradeNo(), order.amountFen(),
                order.status().name());
    }

    private static Comparison.Ours ours(RefundOrder refund) {
        return new Comparison.Ours(TradeBill.Kind.REFUND, refund.outRefundNo(), refund.outTradeNo(), refund.amountFen(),
                refund.status().name());
    }

    static String idOf(LocalDate date, TradeBill.Kind type, String number) {
        return "RM" + COMPACT.format(date) + (type == TradeBill.Kind.PAYMENT ? "P" : "R") + number;
    }

    // ---- reads -----------------------------------------------------------------------------------

    /** The day's last run, or empty if it was never run. */
    public Optional<Day> day(LocalDate date) {
        return jdbc.query("SELECT d.*, (SELECT COUNT(*) FROM reconciliation_mismatch m WHERE m.bill_date = d.bill_date "
                + "AND m.resolved_at IS NULL) AS open_mismatches, (SELECT COUNT(*) FROM reconciliation_mismatch m "
                + "WHERE m.bill_date = d.bill_date) AS all_mismatches FROM reconciliation_day d WHERE d.bill_date = ? "
                + "AND d.runs > 0", Reconciliations::dayRow, Date.valueOf(date)).stream().findFirst();
    }

    /** Mismatches, newest day first, then by id; each filter optional. */
    public ListPage<Mismatch> mismatches(LocalDate date, Comparison.Kind kind, Boolean open, String cursor, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (date != null) {
            where.append(" AND bill_date = ?");
            args.add(Date.valueOf(date));
        }
        if (kind != null) {
            where.append(" AND kind = ?");
            args.add(kind.name());
        }
        if (open != null) {
            where.append(open ? " AND resolved_at IS NULL" : " AND resolved_at IS NOT NULL");
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_mismatch" + where, Long.class, args.toArray());
        String after = "";
        if (cursor != null) {
            List<String> key = Cursor.decode("reconciliation-mismatches", cursor, 2);
            Date at;
            try {
                at = Date.valueOf(LocalDate.parse(key.get(0)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
            after = " AND (bill_date < ? OR (bill_date = ? AND id > ?))";
            args.addAll(List.of(at, at, key.get(1)));
        }
        args.add(size + 1);
        List<Mismatch> rows = jdbc.query("SELECT * FROM reconciliation_mismatch" + where + after
                + " ORDER BY bill_date DESC, id LIMIT ?", Reconciliations::mismatchRow, args.toArray());
        return ListPage.ofRows("reconciliation-mismatches", rows, size, m -> new Object[] {m.date(), m.mismatchId()},
                total, null);
    }

    public Optional<Mismatch> mismatch(String id) {
        return jdbc.query("SELECT * FROM reconciliation_mismatch WHERE id = ?", Reconciliations::mismatchRow, id)
                .stream().findFirst();
    }

    /**
     * Resolves an open mismatch with the note; resolving it again with the same note answers it as it is, with
     * another note is refused (409), so a retried click is harmless and a decision is not rewritten.
     */
    public Mismatch resolve(String id, String note, String by) {
        Mismatch mismatch = mismatch(id).orElseThrow(() -> new BusinessRuleViolation(ErrorCode.RECONCILIATION_MISMATCH_NOT_FOUND));
        if (!mismatch.open()) {
            if (Objects.equals(mismatch.note(), note)) {
                return mismatch;
            }
            throw new BusinessRuleViolation(ErrorCode.RECONCILIATION_MISMATCH_RESOLVED);
        }
        int changed = jdbc.update("UPDATE reconciliation_mismatch SET resolved_at = ?, resolved_by = ?, resolution_note = ? "
                + "WHERE id = ? AND resolved_at IS NULL", utc(Instant.now()), by, note, id);
        if (changed == 0) {
            return resolve(id, note, by); // resolved meanwhile: answered as above
        }
        log.info("Reconciliation mismatch {} resolved by {}", id, by);
        return mismatch(id).orElseThrow();
    }

    private static Day dayRow(ResultSet rs, int n) throws SQLException {
        int mismatches = rs.getInt("all_mismatches");
        return new Day(rs.getDate("bill_date").toLocalDate(), mismatches == 0, mismatches, rs.getInt("open_mismatches"),
                rs.getInt("wechat_payments"), rs.getInt("wechat_refunds"), rs.getInt("our_payments"),
                rs.getInt("our_refunds"), rs.getLong("wechat_payment_fen"), rs.getLong("wechat_refund_fen"),
                rs.getLong("our_payment_fen"), rs.getLong("our_refund_fen"), rs.getInt("runs"),
                instant(rs.getTimestamp("ran_at")), rs.getString("ran_by"));
    }

    private static Mismatch mismatchRow(ResultSet rs, int n) throws SQLException {
        Instant resolvedAt = instant(rs.getTimestamp("resolved_at"));
        return new Mismatch(rs.getString("id"), rs.getDate("bill_date").toLocalDate(),
                Comparison.Kind.valueOf(rs.getString("kind")), TradeBill.Kind.valueOf(rs.getString("entry_type")),
                rs.getString("number"), rs.getString("out_trade_no"), nullableLong(rs, "wechat_fen"),
                nullableLong(rs, "our_fen"), rs.getString("wechat_status"), rs.getString("our_status"),
                instant(rs.getTimestamp("found_at")), resolvedAt == null, resolvedAt, rs.getString("resolved_by"),
                rs.getString("resolution_note"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp stored) {
        return stored == null ? null : stored.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
