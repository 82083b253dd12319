package com.yihuiliao.api.refund;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordRefundFailed(@TargetAggregateIdentifier String outRefundNo, RefundFailure reason, String detail)
        implements Command {
}
