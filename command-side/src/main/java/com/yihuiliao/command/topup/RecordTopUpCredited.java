package com.yihuiliao.command.topup;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The paid amount is in the account now (once); {@code balanceAfterFen} is the account's balance after it. */
public record RecordTopUpCredited(@TargetAggregateIdentifier String topUpId, long balanceAfterFen) implements Command {
}
