package com.yihuiliao.command.appointment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Which order paid this appointment, for its cancellation refund: answers null when none did (unpaid or free). */
public record NamePaymentToRefund(@TargetAggregateIdentifier String appointmentId) implements Command {
}
