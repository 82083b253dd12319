package com.yihuiliao.api.payment;

public record RefundReserved(String outTradeNo, String outRefundNo, long amountFen, long refundableAfterFen)
        implements PaymentEvent {
}
