package com.yihuiliao.api.payment;

public record PaymentSucceeded(String outTradeNo, String transactionId, long amountFen, PaymentPurpose purpose,
                               String referenceId, String patientId, PaymentChannel channel) implements PaymentEvent {
}
