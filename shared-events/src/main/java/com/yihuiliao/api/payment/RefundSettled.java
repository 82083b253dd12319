package com.yihuiliao.api.payment;

public record RefundSettled(String outTradeNo, String outRefundNo, long amountFen, long refundedTotalFen)
        implements PaymentEvent {
}
