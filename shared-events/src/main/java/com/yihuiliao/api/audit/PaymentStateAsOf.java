package com.yihuiliao.api.audit;

import java.time.Instant;

/**
 * A payment's state at an instant, from its events up to it.
 *
 * @param status      {@code NONE} (not created yet), {@code CREATED}, {@code PAID}, {@code CLOSED},
 *                    {@code PARTLY_REFUNDED} or {@code REFUNDED}
 * @param paidFen     what was paid by then
 * @param refundedFen what was refunded (settled) by then
 */
public record PaymentStateAsOf(String outTradeNo, Instant at, String status, long paidFen, long refundedFen) {
}
