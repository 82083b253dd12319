package com.yihuiliao.command.bill;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order that paid this bill (null while unpaid): its line refunds go back through that payment. */
public record PaidOrderOfBill(@TargetAggregateIdentifier String billId) {
}
