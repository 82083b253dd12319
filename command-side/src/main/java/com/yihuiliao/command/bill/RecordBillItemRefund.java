package com.yihuiliao.command.bill;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The bill's part of an item refund: by quantity (units × unit price) or by amount — exactly one of
 * them. Answers the amount refunded (fen). Idempotent by {@code outRefundNo}.
 */
public record RecordBillItemRefund(@TargetAggregateIdentifier String billId, int line, Long amountFen,
                                   Integer quantity, String outRefundNo, String reason, String operator)
        implements Command {
}
