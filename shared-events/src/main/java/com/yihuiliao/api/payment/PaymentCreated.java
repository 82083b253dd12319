package com.yihuiliao.api.payment;

public record PaymentCreated(String outTradeNo, PaymentPurpose purpose, String referenceId, String patientId,
                             long amountFen, PaymentChannel channel) implements PaymentEvent {
}
