package com.yihuiliao.command.payment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The refund succeeded: its reserved amount is now refunded. */
public record SettleRefundReservation(@TargetAggregateIdentifier String outTradeNo, String outRefundNo)
        implements Command {
}
