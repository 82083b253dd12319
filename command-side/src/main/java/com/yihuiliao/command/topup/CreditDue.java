package com.yihuiliao.command.topup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** After its payment: the credit this top-up still owes its account ({@link TopUpMoney}), or null once credited. */
public record CreditDue(@TargetAggregateIdentifier String topUpId) {
}
