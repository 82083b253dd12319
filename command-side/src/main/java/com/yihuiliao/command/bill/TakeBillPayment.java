package com.yihuiliao.command.bill;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.payment.PaymentChannel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An order paid for this bill: the bill is paid by it, or says why it came too late ({@link BillPaymentTaken}). */
public record TakeBillPayment(@TargetAggregateIdentifier String billId, String outTradeNo, PaymentChannel channel,
                              long amountFen) implements Command {
}
