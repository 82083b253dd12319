package com.yihuiliao.api.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The channel says the refund is done; {@code channelResult} is what it said. */
public record RecordRefundSucceeded(@TargetAggregateIdentifier String outRefundNo, String channelResult) {
}
