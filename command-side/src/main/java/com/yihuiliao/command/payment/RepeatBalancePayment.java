package com.yihuiliao.command.payment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A balance payment asked for again: answers the patient who paid if it is the same paid balance order
 * (reference, amount), else IDEMPOTENCY_CONFLICT.
 */
public record RepeatBalancePayment(@TargetAggregateIdentifier String outTradeNo, String referenceId, long amountFen) implements Command {
}
