package com.yihuiliao.command.refund;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What this refund is and where it stands, answered as its {@code RefundResult}. */
public record DescribeRefund(@TargetAggregateIdentifier String outRefundNo) implements Command {
}
