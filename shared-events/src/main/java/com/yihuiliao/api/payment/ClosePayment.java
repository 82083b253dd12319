package com.yihuiliao.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an unpaid order; repeats are harmless. */
public record ClosePayment(@TargetAggregateIdentifier String outTradeNo, String reason) {
}
