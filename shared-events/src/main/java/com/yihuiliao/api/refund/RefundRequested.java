package com.yihuiliao.api.refund;

import com.yihuiliao.api.payment.PaymentChannel;

public record RefundRequested(String outRefundNo, String outTradeNo, long amountFen, String reason, String operator,
                              PaymentChannel channel) {
}
