package com.yihuiliao.api.bill;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff void an unpaid bill. */
public record VoidBill(@TargetAggregateIdentifier String billId, String reason, String operator) {
}
