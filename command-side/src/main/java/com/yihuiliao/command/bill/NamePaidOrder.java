package com.yihuiliao.command.bill;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order that paid this bill (null while unpaid): its line refunds go back through that payment. */
public record NamePaidOrder(@TargetAggregateIdentifier String billId) implements Command {
}
