package com.yihuiliao.projection.finance;

import com.yihuiliao.projection.SqlFilter;
import static com.yihuiliao.projection.finance.FinanceQueries.number;
import static com.yihuiliao.projection.finance.FinanceQueries.sums;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.finance.ConsumptionStatus;
import com.yihuiliao.api.finance.FindRefundReport;
import com.yihuiliao.api.finance.FindTopUpReport;
import com.yihuiliao.api.finance.RefundReportRow;
import com.yihuiliao.api.finance.RefundReportSort;
import com.yihuiliao.api.finance.TopUpReportRow;
import com.yihuiliao.api.finance.TopUpReportSort;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.Utc;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The top-up (门诊 / 住院充值) and refund (退款) reports, over the records {@code topup-view} and {@code billing-view}
 * keep, with the patient from the staff patient directory and a bill line's item from {@code finance-view}, all
 * joined when read.
 */
@Component
class FinanceRecordQueries {

    // --- top-ups ---------------------------------------------------------------------------------------

    private static final String TOPUP_FROM = " FROM topup_record t"
            + " LEFT JOIN patient_directory p ON p.patient_id = t.patient_id";
    private static final String TOPUP_SELECT = "SELECT t.*, p.real_name, p.id_number_masked" + TOPUP_FROM;
    private static final RowMapper<TopUpReportRow> TOPUP = (rs, i) -> {
        long amount = rs.getLong("amount_fen");
        long refunded = rs.getLong("refunded_fen");
        Instant credited = Utc.read(rs, "credited_at");
        return new TopUpReportRow(rs.getString("top_up_id"), rs.getString("out_trade_no"), rs.getString("patient_id"),
                rs.getString("real_name"), rs.getString("id_number_masked"), AccountKind.valueOf(rs.getString("kind")),
                PaymentChannel.valueOf(rs.getString("channel")), amount, refunded, amount - refunded,
                ConsumptionStatus.of(amount, refunded), rs.getString("receipt_no"), rs.getString("operator"),
                shanghai(credited), LocalDate.ofInstant(credited, Clocks.HOSPITAL_ZONE));
    };
    private static final SortedKeysets<TopUpReportSort, TopUpReportRow> TOPUP_ORDERS =
            new SortedKeysets<TopUpReportSort, TopUpReportRow>(TopUpReportSort.class, "top-up-report", "t.top_up_id",
                    TopUpReportRow::topUpId)
                    .sort(TopUpReportSort.CREDITED_AT, "t.credited_at", Keyset.Type.INSTANT,
                            r -> r.creditedAt().toInstant())
                    .sort(TopUpReportSort.AMOUNT, "t.amount_fen", Keyset.Type.LONG, TopUpReportRow::amountFen)
                    .sort(TopUpReportSort.REFUNDED, "t.refunded_fen", Keyset.Type.LONG, TopUpReportRow::refundedFen)
                    .sort(TopUpReportSort.NET, "(t.amount_fen - t.refunded_fen)", Keyset.Type.LONG,
                            TopUpReportRow::netFen)
                    .sort(TopUpReportSort.PATIENT, "COALESCE(p.real_name, '')", Keyset.Type.STRING,
                            r -> Objects.requireNonNullElse(r.patientName(), ""))
                    .sort(TopUpReportSort.CHANNEL, "t.channel", Keyset.Type.STRING, r -> r.channel().name());

    // --- refunds ---------------------------------------------------------------------------------------

    private static final String REFUND_FROM = " FROM refund_record r"
            + " LEFT JOIN patient_directory p ON p.patient_id = r.patient_id";
    private static final String REFUND_SELECT = "SELECT r.*, p.real_name, p.id_number_masked, pr.reference_id, "
            + "c.item_name" + REFUND_FROM
            + " LEFT JOIN payment_record pr ON pr.out_trade_no = r.out_trade_no"
            + " LEFT JOIN finance_line_refund fl ON fl.out_refund_no = r.out_refund_no"
            + " LEFT JOIN finance_consumption c ON c.row_id = fl.row_id";
    private static final RowMapper<RefundReportRow> REFUND = (rs, i) -> new RefundReportRow(
            rs.getString("out_refund_no"), rs.getString("out_trade_no"),
            rs.getString("purpose") == null ? null : PaymentPurpose.valueOf(rs.getString("purpose")),
            rs.getString("reference_id"), rs.getString("item_name"), rs.getString("patient_id"),
            rs.getString("real_name"), rs.getString("id_number_masked"), rs.getLong("amount_fen"),
            PaymentChannel.valueOf(rs.getString("channel")), code(RefundReason.class, rs.getString("reason_code")),
            rs.getString("reason_note"), null, rs.getString("operator"), RefundStatus.valueOf(rs.getString("status")),
            code(RefundFailure.class, rs.getString("failure_code")), rs.getString("wechat_refund_id"),
            rs.getString("received_by"), rs.getObject("balance_after_fen", Long.class),
            shanghai(Utc.read(rs, "requested_at")), shanghai(Utc.read(rs, "finished_at")),
            rs.getObject("business_date", LocalDate.class));
    private static final SortedKeysets<RefundReportSort, RefundReportRow> REFUND_ORDERS =
            new SortedKeysets<RefundReportSort, RefundReportRow>(RefundReportSort.class, "refund-report",
                    "r.out_refund_no", RefundReportRow::outRefundNo)
                    .sort(RefundReportSort.REQUESTED_AT, "r.requested_at", Keyset.Type.INSTANT,
                            r -> r.requestedAt().toInstant())
                    .sort(RefundReportSort.AMOUNT, "r.amount_fen", Keyset.Type.LONG, RefundReportRow::amountFen)
                    .sort(RefundReportSort.PATIENT, "COALESCE(p.real_name, '')", Keyset.Type.STRING,
                            r -> Objects.requireNonNullElse(r.patientName(), ""))
                    .sort(RefundReportSort.CHANNEL, "r.channel", Keyset.Type.STRING, r -> r.channel().name())
                    .sort(RefundReportSort.STATUS, "r.status", Keyset.Type.STRING, r -> r.status().name());

    private final JdbcTemplate jdbc;

    FinanceRecordQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    ListPage<TopUpReportRow> handle(FindTopUpReport q) {
        SqlFilter filter = new SqlFilter()
                .where("t.credited_at IS NOT NULL")
                .withEnum("t.kind = ?", q.kind())
                .with("t.credited_at >= ?", q.from() == null ? null
                        : Utc.of(q.from().atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant()))
                .with("t.credited_at < ?", q.to() == null ? null
                        : Utc.of(q.to().plusDays(1).atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant()))
                .withEnum("t.channel = ?", q.channel())
                .withPatient("t.patient_id", q.patient());
        if (q.status() != null) {
            filter.where(switch (q.status()) {
                case PAID -> "t.refunded_fen <= 0";
                case PARTLY_REFUNDED -> "t.refunded_fen > 0 AND t.refunded_fen < t.amount_fen";
                case REFUNDED -> "t.refunded_fen >= t.amount_fen";
            });
        }
        long total = 0;
        Map<String, Long> sums = null;
        if (q.withTotals()) {
            Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS total, "
                    + "COALESCE(SUM(t.amount_fen), 0) AS amount, COALESCE(SUM(t.refunded_fen), 0) AS refunded"
                    + TOPUP_FROM + filter.where(), filter.args());
            total = number(totals.get("total"));
            long amount = number(totals.get("amount"));
            long refunded = number(totals.get("refunded"));
            sums = sums("amountSumFen", amount, "refundedSumFen", refunded, "netSumFen", amount - refunded);
        }
        TopUpReportSort sort = q.sort() == null ? TopUpReportSort.CREDITED_AT : q.sort();
        return TOPUP_ORDERS.of(sort, q.descending()).page(jdbc, TOPUP_SELECT, filter.where(), filter.argList(), TOPUP,
                q.cursor(), q.size(), total, sums);
    }

    @QueryHandler
    ListPage<RefundReportRow> handle(FindRefundReport q) {
        SqlFilter filter = new SqlFilter()
                .with("r.business_date >= ?", q.from())
                .with("r.business_date <= ?", q.to())
                .withPatient("r.patient_id", q.patient())
                .withEnum("r.channel = ?", q.channel())
                .withEnum("r.purpose = ?", q.purpose())
                .withEnum("r.status = ?", q.status())
                .withEnum("r.reason_code = ?", q.reason());
        long total = 0;
        Map<String, Long> sums = null;
        if (q.withTotals()) {
            Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS total, "
                    + "COALESCE(SUM(r.amount_fen), 0) AS amount, "
                    + "COALESCE(SUM(CASE WHEN r.status = 'SUCCEEDED' THEN r.amount_fen ELSE 0 END), 0) AS succeeded"
                    + REFUND_FROM + filter.where(), filter.args());
            total = number(totals.get("total"));
            sums = sums("amountSumFen", totals.get("amount"), "succeededSumFen", totals.get("succeeded"));
        }
        RefundReportSort sort = q.sort() == null ? RefundReportSort.REQUESTED_AT : q.sort();
        return REFUND_ORDERS.of(sort, q.descending()).page(jdbc, REFUND_SELECT, filter.where(), filter.argList(),
                REFUND, q.cursor(), q.size(), total, sums);
    }

    private static OffsetDateTime shanghai(Instant at) {
        return at == null ? null : at.atZone(Clocks.HOSPITAL_ZONE).toOffsetDateTime();
    }

    private static <E extends Enum<E>> E code(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
