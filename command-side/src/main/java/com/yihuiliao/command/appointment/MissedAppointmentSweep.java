package com.yihuiliao.command.appointment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 爽约: every {@code every} (one node at a time: a db-scheduler recurring task) the appointments whose period ended
 * {@code grace} ago are asked to be marked missed; the appointment decides (only a confirmed one is), so a repeat,
 * a second node or one cancelled meanwhile changes nothing. Its watch row then goes.
 */
@Configuration
public class MissedAppointmentSweep {

    private static final Logger log = LoggerFactory.getLogger(MissedAppointmentSweep.class);
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Duration grace;

    MissedAppointmentSweep(JdbcTemplate jdbc, CommandGateway commands,
                           @Value("${yihuiliao.standing.missed-after:PT0S}") Duration grace) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.grace = grace;
    }

    @Bean
    RecurringTask<Void> missedAppointmentSweepTask(@Value("${yihuiliao.standing.missed-sweep-every:PT5M}") Duration every) {
        return Tasks.recurring("missed-appointment-sweep", FixedDelay.of(every))
                .execute((instance, context) -> sweep(GenericEventMessage.clock.instant()));
    }

    /** One pass; answers how many appointments it marked missed. A failing one is left for the next pass. */
    public int sweep(Instant now) {
        List<String> ended = jdbc.queryForList("SELECT appointment_id FROM appointment_period_watch WHERE ends_at <= ? "
                + "ORDER BY ends_at LIMIT " + BATCH, String.class, Timestamp.from(now.minus(grace)));
        int missed = 0;
        for (String appointmentId : ended) {
            try {
                if (Boolean.TRUE.equals(commands.sendAndWait(new MarkAppointmentMissed(appointmentId)))) {
                    missed++;
                }
                MissedAppointmentWatch.forget(jdbc, appointmentId);
            } catch (AggregateNotFoundException unknown) {
                MissedAppointmentWatch.forget(jdbc, appointmentId);
            } catch (RuntimeException e) {
                log.warn("Missed-appointment sweep: {} is left for the next pass: {}", appointmentId, e.getMessage());
            }
        }
        if (missed > 0) {
            log.info("Missed-appointment sweep: {} appointments marked missed", missed);
        }
        return missed;
    }
}
