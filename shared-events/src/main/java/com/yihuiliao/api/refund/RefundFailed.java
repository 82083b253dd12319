package com.yihuiliao.api.refund;

public record RefundFailed(String outRefundNo, String outTradeNo, long amountFen, String reason) {
}
