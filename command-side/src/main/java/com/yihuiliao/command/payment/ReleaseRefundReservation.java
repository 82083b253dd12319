package com.yihuiliao.command.payment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The refund failed: its reserved amount is refundable again. */
public record ReleaseRefundReservation(@TargetAggregateIdentifier String outTradeNo, String outRefundNo)
        implements Command {
}
