package com.yihuiliao.command.account;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.MovementCause;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Money out; never below zero. Answers the balance after it (fen). */
public record DebitAccount(@TargetAggregateIdentifier String accountId, long amountFen, MovementCause cause) implements Command {

    public static DebitAccount of(String patientId, AccountKind kind, long amountFen, MovementCause cause) {
        return new DebitAccount(kind.accountOf(patientId), amountFen, cause);
    }
}
