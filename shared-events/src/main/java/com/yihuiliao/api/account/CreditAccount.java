package com.yihuiliao.api.account;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Money in; the account is opened by its first credit. Answers the balance after it (fen).
 *
 * @param operator the staff member who took the money (a counter top-up's cashier); null when no one did
 */
public record CreditAccount(@TargetAggregateIdentifier String accountId, String patientId, AccountKind kind,
                            long amountFen, MovementCause cause, String operator) implements Command {

    public CreditAccount(String accountId, String patientId, AccountKind kind, long amountFen, MovementCause cause) {
        this(accountId, patientId, kind, amountFen, cause, null);
    }

    public static CreditAccount of(String patientId, AccountKind kind, long amountFen, MovementCause cause) {
        return new CreditAccount(kind.accountOf(patientId), patientId, kind, amountFen, cause, null);
    }

    /** Money a staff member took (at the counter): who it was is recorded with the credit. */
    public static CreditAccount byStaff(String patientId, AccountKind kind, long amountFen, MovementCause cause,
                                        String operator) {
        return new CreditAccount(kind.accountOf(patientId), patientId, kind, amountFen, cause, operator);
    }
}
