package com.yihuiliao.projection.finance;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.finance.FinanceDashboard;
import com.yihuiliao.api.finance.FindFinanceDashboard;
import com.yihuiliao.api.finance.FindOperatingFigures;
import com.yihuiliao.api.finance.OperatingFigure;
import com.yihuiliao.api.finance.SlotFill;
import com.yihuiliao.projection.Utc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard and the operating figures, read from the schedules', appointments', finance's and billing read
 * models when asked (nothing of their own to keep). Percentages and means are exact decimals, rounded half up.
 */
@Component
class OperatingQueries {

    private final JdbcTemplate jdbc;

    OperatingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    FinanceDashboard handle(FindFinanceDashboard q) {
        LocalDateTime start = Utc.of(q.businessDate().atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant());
        LocalDateTime end = Utc.of(q.businessDate().plusDays(1).atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant());
        long booked = count("SELECT COUNT(*) FROM appointment_view WHERE booked_at >= ? AND booked_at < ?", start, end);
        Map<String, Long> changes = new LinkedHashMap<>();
        jdbc.query("SELECT status, COUNT(*) AS n FROM appointment_history WHERE changed_at >= ? AND changed_at < ? "
                + "GROUP BY status", rs -> {
            changes.put(rs.getString("status"), rs.getLong("n"));
        }, start, end);
        long revenue = count("SELECT COALESCE(SUM(gross_fen), 0) FROM finance_daily_summary WHERE business_date = ?",
                q.businessDate());
        long refunds = count("SELECT COALESCE(SUM(amount_fen), 0) FROM refund_record WHERE status = 'SUCCEEDED' "
                + "AND business_date = ?", q.businessDate());
        List<SlotFill> fill = jdbc.query("SELECT s.department_id, d.name, SUM(s.capacity) AS slots, "
                        + "SUM(s.capacity - s.remaining) AS taken FROM schedule_view s "
                        + "LEFT JOIN department_view d ON d.id = s.department_id "
                        + "WHERE s.visit_date = ? AND s.suspended = FALSE GROUP BY s.department_id, d.name "
                        + "ORDER BY s.department_id",
                (rs, i) -> new SlotFill(rs.getString("department_id"), rs.getString("name"), rs.getLong("slots"),
                        rs.getLong("taken"), percent(rs.getLong("taken"), rs.getLong("slots"))), q.businessDate());
        return new FinanceDashboard(q.businessDate(), booked, changes.getOrDefault("CONFIRMED", 0L),
                changes.getOrDefault("CANCELLED", 0L), changes.getOrDefault("EXPIRED", 0L), revenue, refunds, fill);
    }

    /** A doctor's running figures while reading. */
    private static final class Figure {
        String departmentId;
        String departmentName;
        String doctorId;
        String doctorName;
        long slots;
        long taken;
        long appointments;
        long cancelled;
        long expired;
        long checkedIn;
        long missed;
        long leadDays;
    }

    @QueryHandler
    List<OperatingFigure> handle(FindOperatingFigures q) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        String department = q.departmentId() == null ? "" : " AND s.department_id = ?";
        List<Object> args = new ArrayList<>(List.of(q.from(), q.to()));
        if (q.departmentId() != null) {
            args.add(q.departmentId());
        }
        jdbc.query("SELECT s.department_id, s.doctor_id, dv.name AS department_name, dc.name AS doctor_name, "
                + "SUM(s.capacity) AS slots, SUM(s.capacity - s.remaining) AS taken FROM schedule_view s "
                + "LEFT JOIN department_view dv ON dv.id = s.department_id LEFT JOIN doctor_view dc ON dc.id = s.doctor_id "
                + "WHERE s.visit_date >= ? AND s.visit_date <= ? AND s.suspended = FALSE" + department
                + " GROUP BY s.department_id, s.doctor_id, dv.name, dc.name", rs -> {
            Figure f = figure(figures, rs.getString("department_id"), rs.getString("doctor_id"));
            f.departmentName = rs.getString("department_name");
            f.doctorName = rs.getString("doctor_name");
            f.slots = rs.getLong("slots");
            f.taken = rs.getLong("taken");
        }, args.toArray());
        // lead time: the Shanghai date booked, worked out here (SQL's date arithmetic differs between H2 and MariaDB)
        jdbc.query("SELECT s.department_id, s.doctor_id, s.visit_date, s.booked_at, s.status FROM appointment_view s "
                + "WHERE s.visit_date >= ? AND s.visit_date <= ?" + department, rs -> {
            Figure f = figure(figures, rs.getString("department_id"), rs.getString("doctor_id"));
            f.appointments++;
            String status = rs.getString("status");
            f.cancelled += "CANCELLED".equals(status) ? 1 : 0;
            f.expired += "EXPIRED".equals(status) ? 1 : 0;
            // the visit's outcome, once known: arrived, or missed by the sweep (a checked-in one 停诊 is cancelled)
            f.checkedIn += "CHECKED_IN".equals(status) ? 1 : 0;
            f.missed += "MISSED".equals(status) ? 1 : 0;
            LocalDate bookedOn = LocalDate.ofInstant(Utc.read(rs, "booked_at"), Clocks.HOSPITAL_ZONE);
            f.leadDays += ChronoUnit.DAYS.between(bookedOn, rs.getObject("visit_date", LocalDate.class));
        }, args.toArray());
        return figures.values().stream()
                .sorted(java.util.Comparator.comparing((Figure f) -> f.departmentId).thenComparing(f -> f.doctorId))
                .map(f -> new OperatingFigure(f.departmentId, f.departmentName, f.doctorId, f.doctorName, f.slots,
                        f.taken, percent(f.taken, f.slots), f.appointments, f.cancelled, f.expired,
                        f.appointments == 0 ? null : BigDecimal.valueOf(f.leadDays)
                                .divide(BigDecimal.valueOf(f.appointments), 1, RoundingMode.HALF_UP),
                        f.checkedIn, f.missed, percent(f.missed, f.checkedIn + f.missed)))
                .toList();
    }

    private static Figure figure(Map<String, Figure> figures, String departmentId, String doctorId) {
        return figures.computeIfAbsent(departmentId + "\u001f" + doctorId, key -> {
            Figure f = new Figure();
            f.departmentId = departmentId;
            f.doctorId = doctorId;
            return f;
        });
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }
}
