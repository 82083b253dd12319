package com.yihuiliao.projection.finance;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.bill.BillItemCategory;
import com.yihuiliao.api.finance.ConsumptionFilter;
import com.yihuiliao.api.finance.ConsumptionRecord;
import com.yihuiliao.api.finance.ConsumptionSort;
import com.yihuiliao.api.finance.ConsumptionStatus;
import com.yihuiliao.api.finance.DailySummary;
import com.yihuiliao.api.finance.FindConsumptionRecords;
import com.yihuiliao.api.finance.FindDailySummaries;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.SqlFilter;
import com.yihuiliao.projection.Utc;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Finance's reports, read by keyset in the asked order. Names come from the staff patient directory and the
 * catalogue at read time; a sort on a name sorts a missing one as empty, so every key column has a value.
 */
@Component
class FinanceQueries {

    private static final String CONSUMPTION_FROM = " FROM finance_consumption c"
            + " LEFT JOIN patient_directory p ON p.patient_id = c.patient_id"
            + " LEFT JOIN department_view dv ON dv.id = c.department_id"
            + " LEFT JOIN doctor_view dc ON dc.id = c.doctor_id";
    private static final String CONSUMPTION_SELECT = "SELECT c.*, p.real_name, p.id_number_masked, "
            + "COALESCE(dv.name, '') AS department_name, COALESCE(dc.name, '') AS doctor_name, iv.invoice_no"
            + CONSUMPTION_FROM + " LEFT JOIN invoice_view iv ON iv.out_trade_no = c.out_trade_no";

    private static final RowMapper<ConsumptionRecord> CONSUMPTION = (rs, i) -> new ConsumptionRecord(
            rs.getString("row_id"), rs.getString("out_trade_no"), PaymentPurpose.valueOf(rs.getString("purpose")),
            rs.getString("reference_id"), rs.getInt("line"), rs.getString("patient_id"), rs.getString("real_name"),
            rs.getString("id_number_masked"), blankToNull(rs.getString("department_id")),
            blankToNull(rs.getString("department_name")), blankToNull(rs.getString("doctor_id")),
            blankToNull(rs.getString("doctor_name")), rs.getString("item_code"), rs.getString("item_name"),
            rs.getString("category") == null ? null : BillItemCategory.valueOf(rs.getString("category")),
            PaymentChannel.valueOf(rs.getString("channel")), rs.getLong("amount_fen"), rs.getLong("refunded_fen"),
            rs.getLong("net_fen"), ConsumptionStatus.valueOf(rs.getString("status")),
            rs.getString("invoice_no"), Utc.read(rs, "paid_at").atZone(Clocks.HOSPITAL_ZONE).toOffsetDateTime(),
            rs.getObject("business_date", LocalDate.class));

    /** Each sort's keyset: the column (its value in an item) and the row id; both directions. */
    private static final Map<ConsumptionSort, Keyset<ConsumptionRecord>[]> CONSUMPTION_ORDERS =
            new EnumMap<>(ConsumptionSort.class);

    static {
        consumptionOrder(ConsumptionSort.PAID_AT, "c.paid_at", Keyset.Type.INSTANT, r -> r.paidAt().toInstant());
        consumptionOrder(ConsumptionSort.AMOUNT, "c.amount_fen", Keyset.Type.LONG, ConsumptionRecord::amountFen);
        consumptionOrder(ConsumptionSort.REFUNDED, "c.refunded_fen", Keyset.Type.LONG, ConsumptionRecord::refundedFen);
        consumptionOrder(ConsumptionSort.NET, "c.net_fen", Keyset.Type.LONG, ConsumptionRecord::netFen);
        consumptionOrder(ConsumptionSort.DEPARTMENT, "COALESCE(dv.name, '')", Keyset.Type.STRING,
                r -> Objects.requireNonNullElse(r.departmentName(), ""));
        consumptionOrder(ConsumptionSort.DOCTOR, "COALESCE(dc.name, '')", Keyset.Type.STRING,
                r -> Objects.requireNonNullElse(r.doctorName(), ""));
        consumptionOrder(ConsumptionSort.PATIENT, "COALESCE(p.real_name, '')", Keyset.Type.STRING,
                r -> Objects.requireNonNullElse(r.patientName(), ""));
        consumptionOrder(ConsumptionSort.CHANNEL, "c.channel", Keyset.Type.STRING, r -> r.channel().name());
    }

    @SuppressWarnings("unchecked")
    private static void consumptionOrder(ConsumptionSort sort, String column, Keyset.Type type,
                                         Function<ConsumptionRecord, Object> value) {
        Keyset<ConsumptionRecord>[] both = new Keyset[2];
        for (int descending = 0; descending < 2; descending++) {
            boolean desc = descending == 1;
            // the list's name carries sort and direction: another order's cursor is refused
            both[descending] = new Keyset<>("consumption-" + sort + (desc ? "-desc" : "-asc"),
                    r -> new Object[]{value.apply(r), r.recordId()},
                    new Keyset.Column(column, type, desc), new Keyset.Column("c.row_id", Keyset.Type.STRING, desc));
        }
        CONSUMPTION_ORDERS.put(sort, both);
    }

    private final JdbcTemplate jdbc;

    FinanceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    ListPage<ConsumptionRecord> handle(FindConsumptionRecords q) {
        SqlFilter filter = consumptionFilter(q.filter());
        long total = 0;
        Map<String, Long> sums = null;
        if (q.withTotals()) {
            Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS total, "
                    + "COALESCE(SUM(c.amount_fen), 0) AS amount, COALESCE(SUM(c.refunded_fen), 0) AS refunded, "
                    + "COALESCE(SUM(c.net_fen), 0) AS net" + CONSUMPTION_FROM + filter.where(), filter.args());
            total = number(totals.get("total"));
            sums = sums("amountSumFen", totals.get("amount"), "refundedSumFen", totals.get("refunded"),
                    "netSumFen", totals.get("net"));
        }
        ConsumptionSort sort = q.sort() == null ? ConsumptionSort.PAID_AT : q.sort();
        return CONSUMPTION_ORDERS.get(sort)[q.descending() ? 1 : 0].page(jdbc, CONSUMPTION_SELECT, filter.where(),
                filter.argList(), CONSUMPTION, q.cursor(), q.size(), total, sums);
    }

    @QueryHandler
    List<DailySummary> handle(FindDailySummaries q) {
        SqlFilter filter = new SqlFilter()
                .with("s.business_date >= ?", q.from())
                .with("s.business_date <= ?", q.to())
                .with("s.department_id = ?", q.departmentId())
                .withEnum("s.channel = ?", q.channel())
                .withEnum("s.purpose = ?", q.purpose());
        return jdbc.query("SELECT s.*, dv.name AS department_name FROM finance_daily_summary s "
                        + "LEFT JOIN department_view dv ON dv.id = s.department_id" + filter.where()
                        + " ORDER BY s.business_date, s.department_id, s.channel, s.purpose",
                (rs, i) -> new DailySummary(rs.getObject("business_date", LocalDate.class),
                        blankToNull(rs.getString("department_id")), rs.getString("department_name"),
                        PaymentChannel.valueOf(rs.getString("channel")), PaymentPurpose.valueOf(rs.getString("purpose")),
                        rs.getLong("record_count"), rs.getLong("gross_fen"), rs.getLong("refunded_fen"),
                        rs.getLong("gross_fen") - rs.getLong("refunded_fen")), filter.args());
    }

    private static SqlFilter consumptionFilter(ConsumptionFilter f) {
        return new SqlFilter()
                .with("c.business_date >= ?", f.from())
                .with("c.business_date <= ?", f.to())
                .with("c.department_id = ?", f.departmentId())
                .with("c.doctor_id = ?", f.doctorId())
                .withPatient("c.patient_id", f.patient())
                .withEnum("c.channel = ?", f.channel())
                .withEnum("c.purpose = ?", f.purpose())
                .withEnum("c.status = ?", f.status());
    }

    static Map<String, Long> sums(Object... namesAndValues) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sums.put((String) namesAndValues[i], number(namesAndValues[i + 1]));
        }
        return sums;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
