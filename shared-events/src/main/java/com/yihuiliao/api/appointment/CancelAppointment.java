package com.yihuiliao.api.appointment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A patient cancels their own appointment, before the cancellation deadline. */
public record CancelAppointment(@TargetAggregateIdentifier String appointmentId, String patientId, String reason) {
}
