package com.yihuiliao.projection.appointment;

import com.yihuiliao.api.appointment.AppointmentBooked;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.appointment.AppointmentDetail;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.AppointmentPage;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.AppointmentSummary;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.appointment.FindAppointment;
import com.yihuiliao.api.appointment.FindAppointments;
import com.yihuiliao.api.appointment.FindPatientAppointments;
import com.yihuiliao.api.appointment.StatusChange;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.projection.Utc;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Appointments and their status history, for patients' pages and staff's lists. */
@Component
@ProcessingGroup("appointment-view")
public class AppointmentProjection {

    private static final String SELECT = "SELECT a.*, d.name AS doctor_name FROM appointment_view a "
            + "LEFT JOIN doctor_view d ON d.id = a.doctor_id";
    private static final RowMapper<AppointmentSummary> ROW = (rs, i) -> new AppointmentSummary(rs.getString("id"),
            rs.getString("patient_id"), rs.getString("schedule_id"), rs.getString("doctor_id"),
            rs.getString("doctor_name"), rs.getString("department_id"), rs.getObject("visit_date", LocalDate.class),
            Period.valueOf(rs.getString("period")), rs.getLong("fee_fen"),
            AppointmentStatus.valueOf(rs.getString("status")), Utc.read(rs, "booked_at"),
            Utc.read(rs, "hold_expires_at"), Utc.read(rs, "cancel_until"));

    private final JdbcTemplate jdbc;

    AppointmentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AppointmentBooked e, @SequenceNumber long seq, @Timestamp Instant at) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM appointment_view WHERE id = ?", Integer.class,
                e.appointmentId());
        if (exists == 0) {
            jdbc.update("INSERT INTO appointment_view (id, patient_id, schedule_id, doctor_id, department_id, visit_date, "
                            + "period, fee_fen, status, booked_at, hold_expires_at, cancel_until, last_seq) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.appointmentId(), e.patientId(),
                    e.scheduleId(), e.doctorId(), e.departmentId(), e.date(), e.period().name(), e.feeFen(),
                    AppointmentStatus.HELD.name(), Utc.of(at), Utc.of(e.holdExpiresAt()), Utc.of(e.cancelUntil()), seq);
        }
        history(e.appointmentId(), seq, AppointmentStatus.HELD, at, "Slot held, awaiting payment");
    }

    @EventHandler
    void on(AppointmentConfirmed e, @SequenceNumber long seq, @Timestamp Instant at) {
        status(e.appointmentId(), seq, AppointmentStatus.CONFIRMED, at, "Paid: " + e.paymentReference());
    }

    @EventHandler
    void on(AppointmentCancelled e, @SequenceNumber long seq, @Timestamp Instant at) {
        String by = e.by() == CancelledBy.HOSPITAL ? "Cancelled by the hospital: " : "Cancelled by the patient: ";
        status(e.appointmentId(), seq, AppointmentStatus.CANCELLED, at, by + e.reason());
    }

    @EventHandler
    void on(AppointmentExpired e, @SequenceNumber long seq, @Timestamp Instant at) {
        status(e.appointmentId(), seq, AppointmentStatus.EXPIRED, at, "Not paid in time; the slot was released");
    }

    private void status(String appointmentId, long seq, AppointmentStatus status, Instant at, String reason) {
        jdbc.update("UPDATE appointment_view SET status = ?, last_seq = ? WHERE id = ? AND last_seq < ?",
                status.name(), seq, appointmentId, seq);
        history(appointmentId, seq, status, at, reason);
    }

    private void history(String appointmentId, long seq, AppointmentStatus status, Instant at, String reason) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM appointment_history WHERE appointment_id = ? AND seq = ?",
                Integer.class, appointmentId, seq);
        if (exists == 0) {
            jdbc.update("INSERT INTO appointment_history (appointment_id, seq, status, changed_at, reason) "
                    + "VALUES (?, ?, ?, ?, ?)", appointmentId, seq, status.name(), Utc.of(at), truncate(reason));
        }
    }

    private static String truncate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM appointment_history");
        jdbc.update("DELETE FROM appointment_view");
    }

    @QueryHandler
    List<AppointmentSummary> handle(FindPatientAppointments q) {
        return jdbc.query(SELECT + " WHERE a.patient_id = ? ORDER BY a.visit_date DESC, a.booked_at DESC LIMIT 500",
                ROW, q.patientId());
    }

    @QueryHandler
    AppointmentDetail handle(FindAppointment q) {
        List<AppointmentSummary> found = jdbc.query(SELECT + " WHERE a.id = ?", ROW, q.appointmentId());
        if (found.isEmpty()) {
            return null;
        }
        List<StatusChange> history = jdbc.query("SELECT status, changed_at, reason FROM appointment_history "
                        + "WHERE appointment_id = ? ORDER BY seq", (rs, i) -> new StatusChange(
                        AppointmentStatus.valueOf(rs.getString("status")), Utc.read(rs, "changed_at"), rs.getString("reason")),
                q.appointmentId());
        return new AppointmentDetail(found.get(0), history);
    }

    @QueryHandler
    AppointmentPage handle(FindAppointments q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.date() != null) {
            where.append(" AND a.visit_date = ?");
            args.add(q.date());
        }
        if (q.departmentId() != null) {
            where.append(" AND a.department_id = ?");
            args.add(q.departmentId());
        }
        if (q.doctorId() != null) {
            where.append(" AND a.doctor_id = ?");
            args.add(q.doctorId());
        }
        if (q.status() != null) {
            where.append(" AND a.status = ?");
            args.add(q.status().name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM appointment_view a" + where, Long.class, args.toArray());
        args.add(q.size());
        args.add((long) q.page() * q.size());
        List<AppointmentSummary> items = jdbc.query(SELECT + where + " ORDER BY a.visit_date, a.period, a.booked_at "
                + "LIMIT ? OFFSET ?", ROW, args.toArray());
        return new AppointmentPage(items, total == null ? 0 : total, q.page(), q.size());
    }
}
