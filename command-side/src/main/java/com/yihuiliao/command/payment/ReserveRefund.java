package com.yihuiliao.command.payment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets aside part of what was paid for a refund, before the refund starts; idempotent by outRefundNo. */
public record ReserveRefund(@TargetAggregateIdentifier String outTradeNo, String outRefundNo, long amountFen)
        implements Command {
}
