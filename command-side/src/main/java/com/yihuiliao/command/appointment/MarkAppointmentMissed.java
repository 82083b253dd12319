package com.yihuiliao.command.appointment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by {@link MissedAppointmentSweep} once the period has ended; answers whether it was marked missed now. */
public record MarkAppointmentMissed(@TargetAggregateIdentifier String appointmentId) implements Command {
}
