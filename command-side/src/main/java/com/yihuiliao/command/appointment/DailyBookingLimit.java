package com.yihuiliao.command.appointment;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.schedule.SlotReleased;
import com.yihuiliao.command.lookup.Lookups;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Set-based validation of "at most N live appointments per patient per visit date", and of M per department and
 * K per doctor on that date: lookup rows written in the booking's own transaction, never a query of a read model.
 */
@Component
@ProcessingGroup(Lookups.GROUP)
public class DailyBookingLimit {

    private static final String DEPARTMENT = "D:";
    private static final String DOCTOR = "O:";

    private final JdbcTemplate jdbc;

    DailyBookingLimit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void take(String patientId, LocalDate date, int limit) {
        // make sure the row exists first (an upsert takes the row lock without a gap lock), then
        // increment it only while below the limit
        jdbc.update("INSERT INTO patient_daily_booking (patient_id, visit_date, booked) VALUES (?, ?, 0) "
                + "ON DUPLICATE KEY UPDATE booked = booked", patientId, date);
        int taken = jdbc.update("UPDATE patient_daily_booking SET booked = booked + 1 "
                + "WHERE patient_id = ? AND visit_date = ? AND booked < ?", patientId, date, limit);
        if (taken == 0) {
            throw new BusinessRuleViolation(ErrorCode.DAILY_LIMIT_REACHED,
                    ProblemMessage.of("booking.daily-limit", "limit", limit));
        }
    }

    /** The department's and the doctor's limits (0: none) in two statements, however many apply. */
    void takeScoped(String patientId, LocalDate date, String departmentId, String doctorId, int departmentLimit,
                    int doctorLimit) {
        if (departmentLimit <= 0 && doctorLimit <= 0) {
            return;
        }
        String department = DEPARTMENT + departmentId;
        String doctor = DOCTOR + doctorId;
        jdbc.update("INSERT INTO patient_daily_scope_booking (patient_id, visit_date, scope, booked) VALUES (?, ?, ?, 0), "
                + "(?, ?, ?, 0) ON DUPLICATE KEY UPDATE booked = booked", patientId, date, department, patientId, date, doctor);
        int taken = jdbc.update("UPDATE patient_daily_scope_booking SET booked = booked + 1 WHERE patient_id = ? "
                        + "AND visit_date = ? AND ((scope = ? AND (? <= 0 OR booked < ?)) OR (scope = ? AND (? <= 0 OR booked < ?)))",
                patientId, date, department, departmentLimit, departmentLimit, doctor, doctorLimit, doctorLimit);
        if (taken < 2) {
            // the booking's unit of work rolls back what was taken
            Integer inDepartment = jdbc.queryForObject("SELECT booked FROM patient_daily_scope_booking WHERE patient_id = ? "
                    + "AND visit_date = ? AND scope = ?", Integer.class, patientId, date, department);
            if (departmentLimit > 0 && inDepartment != null && inDepartment >= departmentLimit) {
                throw new BusinessRuleViolation(ErrorCode.DEPARTMENT_DAILY_LIMIT_REACHED,
                        ProblemMessage.of("booking.department-limit", "limit", departmentLimit));
            }
            throw new BusinessRuleViolation(ErrorCode.DOCTOR_DAILY_LIMIT_REACHED,
                    ProblemMessage.of("booking.doctor-limit", "limit", doctorLimit));
        }
    }

    @EventHandler
    void on(SlotReleased event) {
        jdbc.update("UPDATE patient_daily_booking SET booked = booked - 1 "
                + "WHERE patient_id = ? AND visit_date = ? AND booked > 0", event.patientId(), event.date());
        // the schedule's department and doctor: its registry row, written when it was published
        jdbc.update("UPDATE patient_daily_scope_booking SET booked = booked - 1 WHERE patient_id = ? AND visit_date = ? "
                        + "AND booked > 0 AND scope IN (SELECT CONCAT(?, department_id) FROM schedule_registry WHERE schedule_id = ? "
                        + "UNION ALL SELECT CONCAT(?, doctor_id) FROM schedule_registry WHERE schedule_id = ?)",
                event.patientId(), event.date(), DEPARTMENT, event.scheduleId(), DOCTOR, event.scheduleId());
    }
}
