package com.yihuiliao.api.account;

public record AccountDebited(String accountId, String patientId, AccountKind kind, long amountFen,
                             long balanceAfterFen, MovementCause cause) implements AccountEvent {
}
