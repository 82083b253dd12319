package com.yihuiliao.command.topup;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.account.AccountKind;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The same top-up id asked for again: answers when its order expires if it is the same top-up (patient,
 * kind, amount) and its order is still payable at {@code at}; refused otherwise.
 */
public record RepeatTopUp(@TargetAggregateIdentifier String topUpId, String patientId, AccountKind kind,
                          long amountFen, Instant at) implements Command {
}
