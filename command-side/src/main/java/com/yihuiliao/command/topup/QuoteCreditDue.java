package com.yihuiliao.command.topup;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** After its payment: the credit this top-up still owes its account ({@link TopUpMoney}), or null once credited. */
public record QuoteCreditDue(@TargetAggregateIdentifier String topUpId) implements Command {
}
