package com.yihuiliao.api.appointment;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A patient cancels their own appointment, before the cancellation deadline. */
public record CancelAppointment(@TargetAggregateIdentifier String appointmentId, String patientId, String accountId,
                                String reason) implements ActsForPatient, Command {
}
