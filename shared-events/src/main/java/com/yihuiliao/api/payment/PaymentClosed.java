package com.yihuiliao.api.payment;

public record PaymentClosed(String outTradeNo, String reason) {
}
