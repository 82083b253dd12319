package com.yihuiliao.api.billing;

import java.util.List;

/** A payment and its refunds, oldest refund first. */
public record PaymentRecordDetail(PaymentRecord payment, List<RefundRecord> refunds) {
}
