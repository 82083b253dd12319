package com.yihuiliao.api.refund;

public record RefundSucceeded(String outRefundNo, String outTradeNo, long amountFen) {
}
