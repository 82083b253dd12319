package com.yihuiliao.api.bill;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Finance rejects a pending refund request, with the reason the patient reads. A repeat changes nothing. */
public record RejectBillRefundRequest(@TargetAggregateIdentifier String billId, String requestId, String reason,
                                      String operator) implements Command {
}
