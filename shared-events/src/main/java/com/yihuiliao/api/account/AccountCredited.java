package com.yihuiliao.api.account;

public record AccountCredited(String accountId, String patientId, AccountKind kind, long amountFen,
                              long balanceAfterFen, MovementCause cause) {
}
