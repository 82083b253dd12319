package com.yihuiliao.api.billing;

import com.yihuiliao.api.account.AccountKind;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One credit or debit of an account, with the balance after it. {@code causeType} is open-ended
 * (PAYMENT, REFUND, COUNTER_TOPUP, …); {@code sequence} orders one account's movements.
 */
public record AccountMovement(String accountId, long sequence, String patientId, AccountKind kind,
                              MovementDirection direction, long amountFen, long balanceAfterFen, String causeType,
                              String causeReference, Instant occurredAt, LocalDate businessDate) {
}
