package com.yihuiliao.api.bill;

import com.yihuiliao.api.Command;

/**
 * Staff refund part of a paid bill's item to the channel the bill was paid by: by quantity or by amount.
 * Answers a {@code RefundResult}; the same {@code outRefundNo} refunds once.
 */
public record RefundBillItem(String billId, int line, Long amountFen, Integer quantity, String reason,
                             String outRefundNo, String operator) implements Command {
}
