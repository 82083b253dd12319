package com.yihuiliao.command.appointment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An order was paid for this appointment: confirm it, or say why it came too late ({@link PaymentTaken}). */
public record TakePayment(@TargetAggregateIdentifier String appointmentId, String outTradeNo) implements Command {
}
