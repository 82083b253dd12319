package com.yihuiliao.projection.schedule;

import com.yihuiliao.api.schedule.BookingWindowChanged;
import com.yihuiliao.api.schedule.CapacityAdded;
import com.yihuiliao.api.schedule.CapacityReduced;
import com.yihuiliao.api.schedule.FindSchedule;
import com.yihuiliao.api.schedule.FindSchedules;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.api.schedule.ScheduleCancelled;
import com.yihuiliao.api.schedule.ScheduleFeeChanged;
import com.yihuiliao.api.schedule.ScheduleSlots;
import com.yihuiliao.api.schedule.SchedulePublished;
import com.yihuiliao.api.schedule.ScheduleSuspended;
import com.yihuiliao.api.schedule.SlotHeld;
import com.yihuiliao.api.schedule.SlotReleased;
import com.yihuiliao.projection.Utc;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Schedules with their remaining slots. Each update applies only if its event is newer than the row. */
@Component
@ProcessingGroup("schedule-view")
public class ScheduleProjection {

    private static final String SELECT = "SELECT s.*, d.name AS doctor_name FROM schedule_view s "
            + "LEFT JOIN doctor_view d ON d.id = s.doctor_id";
    private static final RowMapper<ScheduleSlots> ROW = (rs, i) -> new ScheduleSlots(rs.getString("id"),
            rs.getString("doctor_id"), rs.getString("doctor_name"), rs.getString("department_id"),
            rs.getObject("visit_date", java.time.LocalDate.class), Period.valueOf(rs.getString("period")),
            rs.getInt("capacity"), rs.getInt("remaining"), rs.getLong("fee_fen"), rs.getBoolean("suspended"),
            rs.getString("suspend_reason"), Utc.read(rs, "opens_at"), Utc.read(rs, "closes_at"),
            Utc.read(rs, "cancel_until"));

    private final JdbcTemplate jdbc;

    ScheduleProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SchedulePublished e, @SequenceNumber long seq) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM schedule_view WHERE id = ?", Integer.class, e.scheduleId());
        if (exists == 0) {
            jdbc.update("INSERT INTO schedule_view (id, doctor_id, department_id, visit_date, period, capacity, remaining, "
                            + "fee_fen, suspended, opens_at, closes_at, cancel_until, last_seq) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?)", e.scheduleId(), e.doctorId(),
                    e.departmentId(), e.date(), e.period().name(), e.capacity(), e.capacity(), e.feeFen(),
                    Utc.of(e.window().opensAt()), Utc.of(e.window().closesAt()), Utc.of(e.window().cancelUntil()), seq);
        }
    }

    @EventHandler
    void on(CapacityAdded e, @SequenceNumber long seq) {
        update(e.scheduleId(), seq, "capacity = ?, remaining = ?", e.capacity(), e.remaining());
    }

    @EventHandler
    void on(CapacityReduced e, @SequenceNumber long seq) {
        update(e.scheduleId(), seq, "capacity = ?, remaining = ?", e.capacity(), e.remaining());
    }

    @EventHandler
    void on(ScheduleFeeChanged e, @SequenceNumber long seq) {
        update(e.scheduleId(), seq, "fee_fen = ?", e.feeFen());
    }

    /**
     * Nobody booked it, so nothing else refers to the row: it goes. A redelivery replays the
     * schedule's events in order, so its SchedulePublished never comes after this.
     */
    @EventHandler
    void on(ScheduleCancelled e) {
        jdbc.update("DELETE FROM schedule_view WHERE id = ?", e.scheduleId());
    }

    @EventHandler
    void on(SlotHeld e, @SequenceNumber long seq) {
        update(e.scheduleId(), seq, "remaining = ?", e.remaining());
    }

    @EventHandler
    void on(SlotReleased e, @SequenceNumber long seq) {
        update(e.scheduleId(), seq, "remaining = ?", e.remaining());
    }

    @EventHandler
    void on(ScheduleSuspended e, @SequenceNumber long seq) {
        update(e.scheduleId(), seq, "suspended = TRUE, suspend_reason = ?", e.reason());
    }

    @EventHandler
    void on(BookingWindowChanged e, @SequenceNumber long seq) {
        update(e.scheduleId(), seq, "opens_at = ?, closes_at = ?, cancel_until = ?", Utc.of(e.window().opensAt()),
                Utc.of(e.window().closesAt()), Utc.of(e.window().cancelUntil()));
    }

    private void update(String scheduleId, long seq, String assignments, Object... values) {
        List<Object> args = new ArrayList<>(List.of(values));
        args.add(seq);
        args.add(scheduleId);
        args.add(seq);
        jdbc.update("UPDATE schedule_view SET " + assignments + ", last_seq = ? WHERE id = ? AND last_seq < ?",
                args.toArray());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM schedule_view");
    }

    @QueryHandler
    List<ScheduleSlots> handle(FindSchedules q) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE s.visit_date BETWEEN ? AND ?");
        List<Object> args = new ArrayList<>(List.of(q.from(), q.to()));
        if (q.departmentId() != null) {
            sql.append(" AND s.department_id = ?");
            args.add(q.departmentId());
        }
        if (q.doctorId() != null) {
            sql.append(" AND s.doctor_id = ?");
            args.add(q.doctorId());
        }
        sql.append(" ORDER BY s.visit_date, s.period, doctor_name LIMIT 1000");
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    @QueryHandler
    ScheduleSlots handle(FindSchedule q) {
        List<ScheduleSlots> found = jdbc.query(SELECT + " WHERE s.id = ?", ROW, q.scheduleId());
        return found.isEmpty() ? null : found.get(0);
    }
}
