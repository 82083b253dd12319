package com.yihuiliao.command.appointment;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.appointment.AppointmentBooked;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.CheckInRecorded;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.AppointmentMissed;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.standing.OffenceKind;
import com.yihuiliao.api.standing.RecordOffence;
import com.yihuiliao.command.patient.StandingKeys;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a missed, late-cancelled or same-day refunded appointment costs its person (group {@code booking-process}, after the booking's
 * transaction): the period of every appointment is watched ({@code appointment_period_watch}) until it ends one
 * way or another; {@link MissedAppointmentSweep} asks about those whose period ended; a miss, or a patient's
 * cancellation (the rules in force say whether it was late; a paid one on its visit day is also a same-day
 * refund), is counted against the person's standing key. Every
 * step is idempotent: the row is written once, the offence counted once per appointment.
 */
@Component
@ProcessingGroup("booking-process")
@DisallowReplay
class MissedAppointmentWatch {

    private static final Logger log = LoggerFactory.getLogger(MissedAppointmentWatch.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final StandingKeys standingKeys;

    MissedAppointmentWatch(JdbcTemplate jdbc, CommandGateway commands, StandingKeys standingKeys) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.standingKeys = standingKeys;
    }

    private record Watched(Instant startsAt, long feeFen) {
    }

    @EventHandler
    void on(AppointmentBooked event) {
        try {
            jdbc.update("INSERT INTO appointment_period_watch (appointment_id, patient_id, starts_at, ends_at) "
                            + "VALUES (?, ?, ?, ?)", event.appointmentId(), event.patientId(),
                    Timestamp.from(event.date().atTime(event.period().start()).atZone(Clocks.HOSPITAL_ZONE).toInstant()),
                    Timestamp.from(event.date().atTime(event.period().end()).atZone(Clocks.HOSPITAL_ZONE).toInstant()));
        } catch (DuplicateKeyException seenAlready) {
            // redelivered
        }
        try {
            jdbc.update("INSERT INTO appointment_fee_watch (appointment_id, fee_fen) VALUES (?, ?)",
                    event.appointmentId(), event.feeFen());
        } catch (DuplicateKeyException seenAlready) {
            // redelivered
        }
    }

    @EventHandler
    void on(CheckInRecorded event) {
        forget(event.appointmentId());
    }

    @EventHandler
    void on(AppointmentExpired event) {
        forget(event.appointmentId());
    }

    @EventHandler
    void on(AppointmentCancelled event, @org.axonframework.eventhandling.Timestamp Instant cancelledAt) {
        List<Watched> watched = jdbc.query("SELECT w.starts_at, f.fee_fen FROM appointment_period_watch w "
                        + "LEFT JOIN appointment_fee_watch f ON f.appointment_id = w.appointment_id "
                        + "WHERE w.appointment_id = ?",
                (rs, i) -> new Watched(rs.getTimestamp(1).toInstant(), rs.getLong(2)), event.appointmentId());
        forget(event.appointmentId());
        if (event.by() != CancelledBy.PATIENT || watched.isEmpty()) {
            return;
        }
        Instant startsAt = watched.get(0).startsAt();
        count(event.patientId(), OffenceKind.LATE_CANCELLATION, event.appointmentId(), cancelledAt, startsAt);
        // a paid one (refunded, as it was confirmed) cancelled on its visit day in Beijing: a separate fact; a rule
        // that counts both kinds counts the appointment once (PersonStanding)
        if (event.wasConfirmed() && watched.get(0).feeFen() > 0
                && cancelledAt.atZone(Clocks.HOSPITAL_ZONE).toLocalDate()
                        .equals(startsAt.atZone(Clocks.HOSPITAL_ZONE).toLocalDate())) {
            count(event.patientId(), OffenceKind.SAME_DAY_REFUND, event.appointmentId(), cancelledAt, null);
        }
    }

    @EventHandler
    void on(AppointmentMissed event) {
        forget(event.appointmentId());
        count(event.patientId(), OffenceKind.NO_SHOW, event.appointmentId(),
                event.date().atTime(event.period().end()).atZone(Clocks.HOSPITAL_ZONE).toInstant(), null);
    }

    private void forget(String appointmentId) {
        forget(jdbc, appointmentId);
    }

    /** The appointment's period and fee are no longer watched (here and by the sweep). */
    static void forget(JdbcTemplate jdbc, String appointmentId) {
        jdbc.update("DELETE FROM appointment_period_watch WHERE appointment_id = ?", appointmentId);
        jdbc.update("DELETE FROM appointment_fee_watch WHERE appointment_id = ?", appointmentId);
    }

    private void count(String patientId, OffenceKind kind, String appointmentId, Instant at, Instant periodStartsAt) {
        standingKeys.ofPatient(patientId).ifPresentOrElse(
                key -> commands.sendAndWait(new RecordOffence(key, patientId, kind, appointmentId, at, periodStartsAt)),
                () -> log.warn("No standing key for patient {}: {} of {} not counted", patientId, kind, appointmentId));
    }
}
