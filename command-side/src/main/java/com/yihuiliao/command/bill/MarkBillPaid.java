package com.yihuiliao.command.bill;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.payment.PaymentChannel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the bill flows once a payment of the bill's total succeeded. */
public record MarkBillPaid(@TargetAggregateIdentifier String billId, String outTradeNo, PaymentChannel channel,
                           long amountFen) implements Command {
}
