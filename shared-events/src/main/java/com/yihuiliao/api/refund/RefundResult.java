package com.yihuiliao.api.refund;

public record RefundResult(String outRefundNo, String outTradeNo, long amountFen, RefundStatus status) {
}
