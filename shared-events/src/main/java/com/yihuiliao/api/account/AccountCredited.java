package com.yihuiliao.api.account;

/**
 * @param operator the staff member who took the money (a counter top-up's cashier: the staff token's subject);
 *                 null for every other credit, and in events stored before it was recorded
 */
public record AccountCredited(String accountId, String patientId, AccountKind kind, long amountFen,
                              long balanceAfterFen, MovementCause cause, String operator) implements AccountEvent {

    public AccountCredited(String accountId, String patientId, AccountKind kind, long amountFen, long balanceAfterFen,
                           MovementCause cause) {
        this(accountId, patientId, kind, amountFen, balanceAfterFen, cause, null);
    }
}
