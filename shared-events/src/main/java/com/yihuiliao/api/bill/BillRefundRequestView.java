package com.yihuiliao.api.bill;

import java.time.Instant;

/**
 * A refund request as patients and finance see it.
 *
 * @param quantity       units asked for; 0 for a request by amount
 * @param decisionReason why finance rejected it (null otherwise)
 * @param outRefundNo    the refund an approval made (null otherwise)
 */
public record BillRefundRequestView(String requestId, String billId, String patientId, int line, long amountFen,
                                    int quantity, String reason, BillRefundRequestStatus status, String decidedBy,
                                    String decisionReason, String outRefundNo, Instant requestedAt,
                                    Instant decidedAt) {
}
