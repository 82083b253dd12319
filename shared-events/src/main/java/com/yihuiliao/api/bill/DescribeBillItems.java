package com.yihuiliao.api.bill;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lines of a bill as issued, asked by the e-invoice of its payment: answered with its {@link BillItem}s. */
public record DescribeBillItems(@TargetAggregateIdentifier String billId) implements Command {
}
