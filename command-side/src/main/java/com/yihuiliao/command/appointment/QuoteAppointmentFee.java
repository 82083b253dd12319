package com.yihuiliao.command.appointment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What paying this appointment would take, asked by the money flows in their own unit of work: answered
 * with an {@link AppointmentFee}. Another patient's appointment is refused as unknown.
 */
public record QuoteAppointmentFee(@TargetAggregateIdentifier String appointmentId, String patientId) implements Command {
}
