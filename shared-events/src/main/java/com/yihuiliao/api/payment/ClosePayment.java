package com.yihuiliao.api.payment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an unpaid order; repeats are harmless. {@code detail}: WeChat Pay's trade state when it ended the order. */
public record ClosePayment(@TargetAggregateIdentifier String outTradeNo, CloseReason reason, String detail)
        implements Command {

    public ClosePayment(String outTradeNo, CloseReason reason) {
        this(outTradeNo, reason, null);
    }
}
