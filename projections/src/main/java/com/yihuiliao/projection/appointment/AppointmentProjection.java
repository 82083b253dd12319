package com.yihuiliao.projection.appointment;

import com.yihuiliao.api.appointment.AppointmentBooked;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.appointment.AppointmentDetail;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.AppointmentMissed;
import com.yihuiliao.api.appointment.CheckInRecorded;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.AppointmentSummary;
import com.yihuiliao.api.appointment.AppointmentPayment;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.appointment.ChangedBy;
import com.yihuiliao.api.appointment.FindAppointment;
import com.yihuiliao.api.appointment.FindAppointments;
import com.yihuiliao.api.appointment.FindPatientAppointments;
import com.yihuiliao.api.appointment.FindStaffAppointment;
import com.yihuiliao.api.appointment.StaffAppointmentDetail;
import com.yihuiliao.api.appointment.StaffAppointmentSummary;
import com.yihuiliao.api.appointment.StatusChange;
import com.yihuiliao.api.billing.PaymentRecordStatus;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.projection.Keyset;
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
    /**
     * Staff's rows add the patient's name and masked ID number from {@code patient_directory}, which the
     * command side keeps with the patient row (personal data never enters events, so no projection could).
     */
    private static final String STAFF_SELECT = "SELECT a.*, d.name AS doctor_name, p.real_name AS patient_name, "
            + "p.id_number_masked AS patient_id_number_masked FROM appointment_view a "
            + "LEFT JOIN doctor_view d ON d.id = a.doctor_id LEFT JOIN patient_directory p ON p.patient_id = a.patient_id";
    private static final RowMapper<StaffAppointmentSummary> STAFF_ROW = (rs, i) -> new StaffAppointmentSummary(
            rs.getString("id"), rs.getString("patient_id"), rs.getString("patient_name"),
            rs.getString("patient_id_number_masked"), rs.getString("schedule_id"), rs.getString("doctor_id"),
            rs.getString("doctor_name"), rs.getString("department_id"), rs.getObject("visit_date", LocalDate.class),
            Period.valueOf(rs.getString("period")), rs.getLong("fee_fen"),
            AppointmentStatus.valueOf(rs.getString("status")), Utc.read(rs, "booked_at"),
            Utc.read(rs, "hold_expires_at"), Utc.read(rs, "cancel_until"));
    private static final RowMapper<StatusChange> HISTORY_ROW = (rs, i) -> new StatusChange(
            AppointmentStatus.valueOf(rs.getString("status")), Utc.read(rs, "changed_at"),
            rs.getString("changed_by") == null ? null : ChangedBy.valueOf(rs.getString("changed_by")),
            rs.getString("reason"), null);
    private static final String HISTORY = "SELECT status, changed_at, changed_by, reason FROM appointment_history "
            + "WHERE appointment_id = ? ORDER BY seq";

    private static final Keyset<AppointmentSummary> MINE = new Keyset<>("my-appointments",
            a -> new Object[]{a.date(), a.bookedAt(), a.appointmentId()},
            Keyset.desc("a.visit_date", Keyset.Type.DATE), Keyset.desc("a.booked_at", Keyset.Type.INSTANT),
            Keyset.desc("a.id", Keyset.Type.STRING));
    /** Staff read a day as it runs. */
    private static final Keyset<StaffAppointmentSummary> STAFF = new Keyset<>("appointments",
            a -> new Object[]{a.date(), a.period().name(), a.bookedAt(), a.appointmentId()},
            Keyset.asc("a.visit_date", Keyset.Type.DATE), Keyset.asc("a.period", Keyset.Type.STRING),
            Keyset.asc("a.booked_at", Keyset.Type.INSTANT), Keyset.asc("a.id", Keyset.Type.STRING));

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
        // only patients book (the booking API is theirs)
        history(e.appointmentId(), seq, AppointmentStatus.HELD, at, ChangedBy.PATIENT, null);
    }

    @EventHandler
    void on(AppointmentConfirmed e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("UPDATE appointment_view SET payment_reference = ? WHERE id = ? AND last_seq < ?",
                e.paymentReference(), e.appointmentId(), seq);
        // a payment or a staff member confirms: the event does not say which
        status(e.appointmentId(), seq, AppointmentStatus.CONFIRMED, at, null, e.paymentReference());
    }

    @EventHandler
    void on(AppointmentCancelled e, @SequenceNumber long seq, @Timestamp Instant at) {
        // the reason as its author wrote it; the query API says who cancelled in the reader's language
        status(e.appointmentId(), seq, AppointmentStatus.CANCELLED, at,
                e.by() == CancelledBy.HOSPITAL ? ChangedBy.HOSPITAL : ChangedBy.PATIENT, e.reason());
    }

    @EventHandler
    void on(AppointmentExpired e, @SequenceNumber long seq, @Timestamp Instant at) {
        status(e.appointmentId(), seq, AppointmentStatus.EXPIRED, at, ChangedBy.SYSTEM, null);
    }

    @EventHandler
    void on(CheckInRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        status(e.appointmentId(), seq, AppointmentStatus.CHECKED_IN, at, ChangedBy.PATIENT, null);
    }

    @EventHandler
    void on(AppointmentMissed e, @SequenceNumber long seq, @Timestamp Instant at) {
        status(e.appointmentId(), seq, AppointmentStatus.MISSED, at, ChangedBy.SYSTEM, null);
    }

    private void status(String appointmentId, long seq, AppointmentStatus status, Instant at, ChangedBy by,
                        String reason) {
        jdbc.update("UPDATE appointment_view SET status = ?, last_seq = ? WHERE id = ? AND last_seq < ?",
                status.name(), seq, appointmentId, seq);
        history(appointmentId, seq, status, at, by, reason);
    }

    private void history(String appointmentId, long seq, AppointmentStatus status, Instant at, ChangedBy by,
                         String reason) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM appointment_history WHERE appointment_id = ? AND seq = ?",
                Integer.class, appointmentId, seq);
        if (exists == 0) {
            jdbc.update("INSERT INTO appointment_history (appointment_id, seq, status, changed_at, changed_by, reason) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", appointmentId, seq, status.name(), Utc.of(at),
                    by == null ? null : by.name(), truncate(reason));
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM appointment_history");
        jdbc.update("DELETE FROM appointment_view");
    }

    @QueryHandler
    ListPage<AppointmentSummary> handle(FindPatientAppointments q) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM appointment_view WHERE patient_id = ?", Long.class,
                q.patientId());
        return MINE.page(jdbc, SELECT, " WHERE a.patient_id = ?", List.of(q.patientId()), ROW, q.cursor(), q.size(),
                total == null ? 0 : total, null);
    }

    @QueryHandler
    AppointmentDetail handle(FindAppointment q) {
        List<AppointmentSummary> found = jdbc.query(SELECT + " WHERE a.id = ?", ROW, q.appointmentId());
        if (found.isEmpty()) {
            return null;
        }
        return new AppointmentDetail(found.get(0), jdbc.query(HISTORY, HISTORY_ROW, q.appointmentId()));
    }

    /** Staff's detail; the payments are the billing records' registration-fee orders of this appointment. */
    @QueryHandler
    StaffAppointmentDetail handle(FindStaffAppointment q) {
        List<StaffAppointmentSummary> found = jdbc.query(STAFF_SELECT + " WHERE a.id = ?", STAFF_ROW, q.appointmentId());
        if (found.isEmpty()) {
            return null;
        }
        String paymentReference = jdbc.queryForObject("SELECT payment_reference FROM appointment_view WHERE id = ?",
                String.class, q.appointmentId());
        List<AppointmentPayment> payments = jdbc.query("SELECT * FROM payment_record WHERE purpose = ? "
                        + "AND reference_id = ? ORDER BY created_at, out_trade_no", (rs, i) -> new AppointmentPayment(
                        rs.getString("out_trade_no"), PaymentChannel.valueOf(rs.getString("channel")),
                        PaymentRecordStatus.valueOf(rs.getString("status")), rs.getLong("amount_fen"),
                        rs.getLong("refunded_fen"), Utc.read(rs, "created_at"), Utc.read(rs, "paid_at")),
                PaymentPurpose.REGISTRATION.name(), q.appointmentId());
        return new StaffAppointmentDetail(found.get(0), paymentReference, payments,
                jdbc.query(HISTORY, HISTORY_ROW, q.appointmentId()));
    }

    @QueryHandler
    ListPage<StaffAppointmentSummary> handle(FindAppointments q) {
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
        if (q.patientId() != null) {
            where.append(" AND a.patient_id = ?");
            args.add(q.patientId());
        }
        if (q.status() != null) {
            where.append(" AND a.status = ?");
            args.add(q.status().name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM appointment_view a" + where, Long.class, args.toArray());
        return STAFF.page(jdbc, STAFF_SELECT, where.toString(), args, STAFF_ROW, q.cursor(), q.size(),
                total == null ? 0 : total, null);
    }
}
