package com.yihuiliao.api.audit;

import java.time.Instant;

/**
 * An account's balance at an instant, from its events up to it.
 *
 * @param accountId  {@code patientId:KIND}
 * @param at         the instant asked about
 * @param balanceFen the balance then (0 before the account's first movement)
 * @param movements  how many credits and debits it had by then
 */
public record AccountBalanceAsOf(String accountId, Instant at, long balanceFen, int movements) {
}
