package com.yihuiliao.projection.hospital;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.hospital.FindSuspensionNotices;
import com.yihuiliao.api.hospital.SuspensionNotice;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.api.schedule.SchedulePublished;
import com.yihuiliao.api.schedule.ScheduleSuspended;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.Utc;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Suspension notices (停诊通知). {@code ScheduleSuspended} names the schedule and the reason only; its doctor, date
 * and period are the schedule's {@code SchedulePublished}, kept here in a row of its own (one schedule's events come
 * in order, so it is always there first). Names are the catalogue's as it is now.
 */
@Component
@ProcessingGroup(SuspensionNoticeProjection.GROUP)
public class SuspensionNoticeProjection {

    public static final String GROUP = "suspension-notice-view";

    private static final Keyset<SuspensionNotice> SOONEST_FIRST = new Keyset<>("suspension-notices",
            n -> new Object[]{n.date(), n.scheduleId()},
            Keyset.asc("n.visit_date", Keyset.Type.DATE), Keyset.asc("n.schedule_id", Keyset.Type.STRING));

    private final JdbcTemplate jdbc;

    SuspensionNoticeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SchedulePublished e) {
        try {
            jdbc.update("INSERT INTO suspension_schedule (schedule_id, doctor_id, department_id, visit_date, period) "
                    + "VALUES (?, ?, ?, ?, ?)", e.scheduleId(), e.doctorId(), e.departmentId(), e.date(),
                    e.period().name());
        } catch (DuplicateKeyException redelivered) {
            // already kept
        }
    }

    @EventHandler
    void on(ScheduleSuspended e, @Timestamp Instant at) {
        try {
            jdbc.update("INSERT INTO suspension_notice_view (schedule_id, doctor_id, department_id, visit_date, period, "
                    + "reason, suspended_at) SELECT schedule_id, doctor_id, department_id, visit_date, period, ?, ? "
                    + "FROM suspension_schedule WHERE schedule_id = ?", e.reason(), Utc.of(at), e.scheduleId());
        } catch (DuplicateKeyException redelivered) {
            // a schedule is suspended once
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM suspension_notice_view");
        jdbc.update("DELETE FROM suspension_schedule");
    }

    @QueryHandler
    ListPage<SuspensionNotice> handle(FindSuspensionNotices q) {
        String where = " WHERE n.visit_date >= ? AND n.visit_date <= ?";
        List<Object> args = List.of(q.from(), q.to());
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM suspension_notice_view n" + where, Long.class,
                args.toArray());
        return SOONEST_FIRST.page(jdbc, "SELECT n.*, d.name AS doctor_name, p.name AS department_name "
                        + "FROM suspension_notice_view n LEFT JOIN doctor_view d ON d.id = n.doctor_id "
                        + "LEFT JOIN department_view p ON p.id = n.department_id", where, args,
                (rs, i) -> new SuspensionNotice(rs.getString("schedule_id"), rs.getObject("visit_date", LocalDate.class),
                        Period.valueOf(rs.getString("period")), rs.getString("doctor_id"), rs.getString("doctor_name"),
                        rs.getString("department_id"), rs.getString("department_name"), rs.getString("reason"),
                        Utc.read(rs, "suspended_at")), q.cursor(), q.size(), total == null ? 0 : total, null);
    }
}
