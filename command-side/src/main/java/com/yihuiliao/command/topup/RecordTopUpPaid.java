package com.yihuiliao.command.topup;

import com.yihuiliao.api.Command;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The top-up's order was paid (once; a repeat of the same transaction is a no-op). */
public record RecordTopUpPaid(@TargetAggregateIdentifier String topUpId, String outTradeNo, String transactionId,
                              long amountFen, Instant paidAt) implements Command {
}
