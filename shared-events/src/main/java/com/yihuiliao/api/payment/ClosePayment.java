package com.yihuiliao.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an unpaid order; repeats are harmless. {@code detail}: WeChat Pay's trade state when it ended the order. */
public record ClosePayment(@TargetAggregateIdentifier String outTradeNo, CloseReason reason, String detail) {

    public ClosePayment(String outTradeNo, CloseReason reason) {
        this(outTradeNo, reason, null);
    }
}
