package com.yihuiliao.api.billing;

/** One payment with its refunds, answered as a {@link PaymentRecordDetail} (null when unknown). */
public record FindPaymentRecord(String outTradeNo) {
}
