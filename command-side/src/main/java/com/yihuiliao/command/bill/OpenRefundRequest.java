package com.yihuiliao.command.bill;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The bill's part of a patient's refund request, sent by {@link BillFlows} once it has checked who asks. */
record OpenRefundRequest(@TargetAggregateIdentifier String billId, String requestId, String patientId,
                         String accountId, int line, Long amountFen, Integer quantity, String reason) implements Command {
}
