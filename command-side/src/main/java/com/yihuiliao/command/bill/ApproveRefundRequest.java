package com.yihuiliao.command.bill;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The bill's part of an approval; answers the request, whose refund {@link BillFlows} then makes. */
record ApproveRefundRequest(@TargetAggregateIdentifier String billId, String requestId, String outRefundNo,
                            String operator) {
}
