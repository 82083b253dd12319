package com.yihuiliao.projection.queue;

import com.yihuiliao.api.queue.FindQueuePlace;
import com.yihuiliao.api.queue.FindSessionQueue;
import com.yihuiliao.api.queue.PatientCalled;
import com.yihuiliao.api.queue.PatientPassed;
import com.yihuiliao.api.queue.PatientRejoined;
import com.yihuiliao.api.queue.PatientSeen;
import com.yihuiliao.api.queue.QueueEntry;
import com.yihuiliao.api.queue.QueueNumberIssued;
import com.yihuiliao.api.queue.QueueOpened;
import com.yihuiliao.api.queue.QueueOverview;
import com.yihuiliao.api.queue.QueuePlace;
import com.yihuiliao.api.queue.QueueState;
import com.yihuiliao.projection.Utc;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sessions' queues: staff's screen (the called, the waiting line in calling order, the passed and the seen) and
 * each patient's place. It joins {@code appointment-view} rather than adding a processor: a queue's events are
 * one aggregate's, which that group already keeps in order.
 */
@Component
@ProcessingGroup("appointment-view")
public class QueueProjection {

    private final JdbcTemplate jdbc;

    QueueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QueueOpened e, @SequenceNumber long seq) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM queue_view WHERE schedule_id = ?", Integer.class,
                e.scheduleId());
        if (exists == 0) {
            jdbc.update("INSERT INTO queue_view (schedule_id, queue_id, doctor_id, numbering, current_number, last_seq) "
                    + "VALUES (?, ?, ?, ?, 0, ?)", e.scheduleId(), e.queueId(), e.doctorId(), e.numbering().name(), seq);
        }
    }

    @EventHandler
    void on(QueueNumberIssued e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advanced(e.scheduleId(), seq)) {
            jdbc.update("INSERT INTO queue_entry_view (appointment_id, schedule_id, patient_id, queue_number, state, "
                    + "sort_key, checked_in_at) VALUES (?, ?, ?, ?, 'WAITING', ?, ?)", e.appointmentId(), e.scheduleId(),
                    e.patientId(), e.number(), e.sortKey(), Utc.of(at));
        }
    }

    @EventHandler
    void on(PatientCalled e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advanced(e.scheduleId(), seq)) {
            jdbc.update("UPDATE queue_view SET current_number = ? WHERE schedule_id = ?", e.number(), e.scheduleId());
            jdbc.update("UPDATE queue_entry_view SET state = 'CALLED', called_at = ? WHERE appointment_id = ?",
                    Utc.of(at), e.appointmentId());
        }
    }

    @EventHandler
    void on(PatientSeen e, @SequenceNumber long seq) {
        if (advanced(e.scheduleId(), seq)) {
            jdbc.update("UPDATE queue_entry_view SET state = 'SEEN' WHERE appointment_id = ?", e.appointmentId());
        }
    }

    @EventHandler
    void on(PatientPassed e, @SequenceNumber long seq) {
        if (advanced(e.scheduleId(), seq)) {
            jdbc.update("UPDATE queue_entry_view SET state = 'PASSED' WHERE appointment_id = ?", e.appointmentId());
        }
    }

    @EventHandler
    void on(PatientRejoined e, @SequenceNumber long seq) {
        if (advanced(e.scheduleId(), seq)) {
            jdbc.update("UPDATE queue_entry_view SET state = 'WAITING', sort_key = ? WHERE appointment_id = ?",
                    e.sortKey(), e.appointmentId());
        }
    }

    /** Moves the queue's sequence on; false when this event was applied already (a redelivery). */
    private boolean advanced(String scheduleId, long seq) {
        return jdbc.update("UPDATE queue_view SET last_seq = ? WHERE schedule_id = ? AND last_seq < ?", seq, scheduleId,
                seq) == 1;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM queue_entry_view");
        jdbc.update("DELETE FROM queue_view");
    }

    @QueryHandler
    QueueOverview handle(FindSessionQueue q) {
        List<QueueOverview> queues = jdbc.query("SELECT doctor_id, current_number FROM queue_view WHERE schedule_id = ?",
                (rs, i) -> new QueueOverview(q.scheduleId(), rs.getString("doctor_id"), rs.getInt("current_number"), 0,
                        List.of()), q.scheduleId());
        if (queues.isEmpty()) {
            return null;
        }
        // called first, then the waiting line in calling order, then the passed (who may rejoin), then the seen
        List<QueueEntry> entries = jdbc.query("SELECT appointment_id, patient_id, queue_number, state, sort_key "
                        + "FROM queue_entry_view WHERE schedule_id = ? ORDER BY CASE state WHEN 'CALLED' THEN 0 "
                        + "WHEN 'WAITING' THEN 1 WHEN 'PASSED' THEN 2 ELSE 3 END, sort_key, appointment_id",
                (rs, i) -> new QueueEntry(rs.getString("appointment_id"), rs.getString("patient_id"),
                        rs.getInt("queue_number"), QueueState.valueOf(rs.getString("state")), rs.getLong("sort_key")),
                q.scheduleId());
        QueueOverview queue = queues.get(0);
        int waiting = (int) entries.stream().filter(e -> e.state() == QueueState.WAITING).count();
        return new QueueOverview(q.scheduleId(), queue.doctorId(), queue.currentNumber(), waiting, entries);
    }

    @QueryHandler
    QueuePlace handle(FindQueuePlace q) {
        List<QueuePlace> places = jdbc.query("SELECT e.*, v.current_number, (SELECT COUNT(*) FROM queue_entry_view w "
                        + "WHERE w.schedule_id = e.schedule_id AND w.state = 'WAITING' AND w.sort_key < e.sort_key) "
                        + "AS ahead FROM queue_entry_view e JOIN queue_view v ON v.schedule_id = e.schedule_id "
                        + "WHERE e.appointment_id = ?",
                (rs, i) -> {
                    QueueState state = QueueState.valueOf(rs.getString("state"));
                    return new QueuePlace(rs.getString("appointment_id"), rs.getString("patient_id"),
                            rs.getString("schedule_id"), rs.getInt("queue_number"), state,
                            state == QueueState.WAITING ? rs.getInt("ahead") : 0, rs.getInt("current_number"));
                }, q.appointmentId());
        return places.isEmpty() ? null : places.get(0);
    }
}
