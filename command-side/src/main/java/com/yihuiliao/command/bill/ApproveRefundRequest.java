package com.yihuiliao.command.bill;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The bill's part of an approval; answers the request, whose refund the money room then makes. */
public record ApproveRefundRequest(@TargetAggregateIdentifier String billId, String requestId, String outRefundNo,
                            String operator) implements Command {
}
