package com.yihuiliao.api.refund;

/** A refund as requested: its outRefundNo, the payment it refunds, the amount and its status. */
public record RefundResult(String outRefundNo, String outTradeNo, long amountFen, RefundStatus status) {
}
