package com.yihuiliao.command.payment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The channel says the order was paid; repeats with the same transaction id are harmless. */
public record RecordPaymentSucceeded(@TargetAggregateIdentifier String outTradeNo, String transactionId,
                                     long amountFen) implements Command {
}
