package com.yihuiliao.command.exam;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.payment.PaymentChannel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An order was paid for this booking: it is paid by it, or the answer says why it came too late ({@link ExamPaymentTaken}). */
public record TakeExamPayment(@TargetAggregateIdentifier String bookingId, String outTradeNo, PaymentChannel channel,
                              long amountFen) implements Command {
}
