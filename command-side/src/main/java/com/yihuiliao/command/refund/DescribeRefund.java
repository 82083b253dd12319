package com.yihuiliao.command.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What this refund is and where it stands, answered as its {@code RefundResult}. */
public record DescribeRefund(@TargetAggregateIdentifier String outRefundNo) {
}
