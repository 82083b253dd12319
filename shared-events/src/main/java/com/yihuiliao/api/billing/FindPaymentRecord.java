package com.yihuiliao.api.billing;

import com.yihuiliao.api.Query;

/** One payment with its refunds, answered as a {@link PaymentRecordDetail} (null when unknown). */
public record FindPaymentRecord(String outTradeNo) implements Query<PaymentRecordDetail> {
}
