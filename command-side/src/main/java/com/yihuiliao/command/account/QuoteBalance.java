package com.yihuiliao.command.account;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The account's balance now, for a flow that must refuse before it writes anything (or answer a repeat). */
public record QuoteBalance(@TargetAggregateIdentifier String accountId) implements Command {
}
