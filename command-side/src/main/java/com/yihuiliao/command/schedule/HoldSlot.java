package com.yihuiliao.command.schedule;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal to the command side: the booking handler asks the schedule for a slot inside the
 * booking's own transaction. Clients send {@code BookAppointment}.
 *
 * @param atCounter a walk-in registration at the window (现场挂号): online booking stops before the
 *                  session, the counter takes patients until the session ends
 */
public record HoldSlot(@TargetAggregateIdentifier String scheduleId, String appointmentId, String patientId,
                       boolean atCounter) implements Command {

    public HoldSlot(String scheduleId, String appointmentId, String patientId) {
        this(scheduleId, appointmentId, patientId, false);
    }
}
