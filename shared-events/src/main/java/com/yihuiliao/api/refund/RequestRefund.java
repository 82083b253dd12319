package com.yihuiliao.api.refund;

import com.yihuiliao.api.payment.PaymentChannel;

/** Starts a refund of part of a payment whose amount is already reserved on it. */
public record RequestRefund(String outRefundNo, String outTradeNo, long amountFen, String reason, String operator,
                            PaymentChannel channel) {
}
