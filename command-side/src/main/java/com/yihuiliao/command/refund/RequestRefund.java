package com.yihuiliao.command.refund;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.refund.RefundReason;

/**
 * Starts a refund of part of a payment whose amount is already reserved on it. {@code note} is what a
 * person gave as the reason (null when the system refunds on its own).
 */
public record RequestRefund(String outRefundNo, String outTradeNo, long amountFen, RefundReason reason, String note,
                            String operator, PaymentChannel channel) implements Command {
}
