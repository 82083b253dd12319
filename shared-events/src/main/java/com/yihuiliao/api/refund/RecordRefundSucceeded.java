package com.yihuiliao.api.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordRefundSucceeded(@TargetAggregateIdentifier String outRefundNo) {
}
