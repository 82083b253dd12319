package com.yihuiliao.api.audit;

import java.time.Instant;

/**
 * A bill's state at an instant, from its events up to it.
 *
 * @param status      {@code NONE} (not issued yet), {@code ISSUED}, {@code PAID}, {@code VOIDED},
 *                    {@code PARTLY_REFUNDED} or {@code REFUNDED}
 * @param totalFen    the bill's total (0 before it was issued)
 * @param paidFen     what was paid by then
 * @param refundedFen what its lines had refunded by then
 */
public record BillStateAsOf(String billId, Instant at, String status, long totalFen, long paidFen, long refundedFen) {
}
