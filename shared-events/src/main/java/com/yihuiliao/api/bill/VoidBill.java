package com.yihuiliao.api.bill;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff void an unpaid bill. */
public record VoidBill(@TargetAggregateIdentifier String billId, String reason, String operator) implements Command {
}
