package com.yihuiliao.api.payment;

public record RefundReservationReleased(String outTradeNo, String outRefundNo, long amountFen,
                                        long refundableAfterFen) implements PaymentEvent {
}
