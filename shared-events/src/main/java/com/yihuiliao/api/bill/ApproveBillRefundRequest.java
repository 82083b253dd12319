package com.yihuiliao.api.bill;

import com.yihuiliao.api.Command;

/**
 * Finance approves a pending refund request: the line is refunded to the channel the bill was paid by,
 * under a refund number derived from the request, so a repeated approval answers the same refund.
 * Answers a {@code RefundResult}.
 */
public record ApproveBillRefundRequest(String billId, String requestId, String operator) implements Command {
}
