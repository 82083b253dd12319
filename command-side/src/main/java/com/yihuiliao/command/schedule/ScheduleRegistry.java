package com.yihuiliao.command.schedule;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.schedule.ScheduleCancelled;
import com.yihuiliao.api.schedule.SchedulePublished;
import com.yihuiliao.command.lookup.Lookups;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's own index of schedules, written in the publishing transaction: one
 * schedule per doctor, date and period (set-based validation), and the schedules a change of
 * booking rules re-times.
 */
@Component
@ProcessingGroup(Lookups.GROUP)
public class ScheduleRegistry {

    private final JdbcTemplate jdbc;

    ScheduleRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SchedulePublished event) {
        try {
            jdbc.update("INSERT INTO schedule_registry (schedule_id, doctor_id, department_id, visit_date, period) "
                            + "VALUES (?, ?, ?, ?, ?)", event.scheduleId(), event.doctorId(), event.departmentId(),
                    event.date(), event.period().name());
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_ALREADY_EXISTS);
        }
    }

    /** A cancelled schedule frees its doctor, date and period, and is no longer re-timed. */
    @EventHandler
    void on(ScheduleCancelled event) {
        jdbc.update("DELETE FROM schedule_registry WHERE schedule_id = ?", event.scheduleId());
    }

    /** A schedule as the registry knows it: its department, date and period. */
    public record Entry(String scheduleId, String departmentId, LocalDate date, String period) {
    }

    /** Schedules on or after a date, of one department or (null) of all. */
    public List<Entry> from(LocalDate date, String departmentId) {
        String sql = "SELECT schedule_id, department_id, visit_date, period FROM schedule_registry WHERE visit_date >= ?"
                + (departmentId == null ? "" : " AND department_id = ?");
        Object[] args = departmentId == null ? new Object[]{date} : new Object[]{date, departmentId};
        return jdbc.query(sql, (rs, i) -> new Entry(rs.getString(1), rs.getString(2),
                rs.getObject(3, LocalDate.class), rs.getString(4)), args);
    }
}
