package com.yihuiliao.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Money in; the account is opened by its first credit. Answers the balance after it (fen). */
public record CreditAccount(@TargetAggregateIdentifier String accountId, String patientId, AccountKind kind,
                            long amountFen, MovementCause cause) {

    public static CreditAccount of(String patientId, AccountKind kind, long amountFen, MovementCause cause) {
        return new CreditAccount(kind.accountOf(patientId), patientId, kind, amountFen, cause);
    }
}
