package com.yihuiliao.command.appointment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Which order paid this appointment, for its cancellation refund: answers null when none did (unpaid or free). */
public record PaymentToRefund(@TargetAggregateIdentifier String appointmentId) {
}
