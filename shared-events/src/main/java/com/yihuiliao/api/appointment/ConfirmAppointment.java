package com.yihuiliao.api.appointment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the payment flow once the fee is paid; repeats are harmless. */
public record ConfirmAppointment(@TargetAggregateIdentifier String appointmentId, String paymentReference)
        implements Command {
}
