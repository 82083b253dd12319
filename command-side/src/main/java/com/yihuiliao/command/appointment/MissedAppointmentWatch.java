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
 * What a missed or late-cancelled appointment costs its person (group {@code booking-process}, after the booking's
 * transaction): the period of every appointment is watched ({@code appointment_period_watch}) until it ends one
 * way or another; {@link MissedAppointmentSweep} asks about those whose period ended; a miss, or a patient's
 * cancellation (the rules in force say whether it was late), is counted against the person's standing key. Every
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
    }

    @EventHandler
    void on(CheckInRecorded event) {
        jdbc.update("DELETE FROM appointment_period_watch WHERE appointment_id = ?", event.appointmentId());
    }

    @EventHandler
    void on(AppointmentExpired event) {
        jdbc.update("DELETE FROM appointment_period_watch WHERE appointment_id = ?", event.appointmentId());
    }

    @EventHandler
    void on(AppointmentCancelled event, @org.axonframework.eventhandling.Timestamp Instant cancelledAt) {
        List<Instant> start = jdbc.query("SELECT starts_at FROM appointment_period_watch WHERE appointment_id = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(), event.appointmentId());
        jdbc.update("DELETE FROM appointment_period_watch WHERE appointment_id = ?", event.appointmentId());
        if (event.by() == CancelledBy.PATIENT && !start.isEmpty()) {
            count(event.patientId(), OffenceKind.LATE_CANCELLATION, event.appointmentId(), cancelledAt, start.get(0));
        }
    }

    @EventHandler
    void on(AppointmentMissed event) {
        jdbc.update("DELETE FROM appointment_period_watch WHERE appointment_id = ?", event.appointmentId());
        count(event.patientId(), OffenceKind.NO_SHOW, event.appointmentId(),
                event.date().atTime(event.period().end()).atZone(Clocks.HOSPITAL_ZONE).toInstant(), null);
    }

    private void count(String patientId, OffenceKind kind, String appointmentId, Instant at, Instant periodStartsAt) {
        standingKeys.ofPatient(patientId).ifPresentOrElse(
                key -> commands.sendAndWait(new RecordOffence(key, patientId, kind, appointmentId, at, periodStartsAt)),
                () -> log.warn("No standing key for patient {}: {} of {} not counted", patientId, kind, appointmentId));
    }
}
