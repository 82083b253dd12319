package com.yihuiliao.command.schedule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal to the command side: the booking handler asks the schedule for a slot inside the
 * booking's own transaction. Clients send {@code BookAppointment}.
 */
public record HoldSlot(@TargetAggregateIdentifier String scheduleId, String appointmentId, String patientId) {
}
