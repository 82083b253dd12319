package com.yihuiliao.api.billing;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.refund.RefundStatus;
import java.time.LocalDate;

/**
 * Refunds, newest first, answered as a {@link com.yihuiliao.api.ListPage} with the amount sum of the whole filter. Every filter is optional; {@code from} and
 * {@code to} are business dates (Asia/Shanghai, inclusive).
 */
public record FindRefundRecords(LocalDate from, LocalDate to, String patientId, RefundStatus status,
                                PaymentChannel channel, String cursor, int size)
        implements Query<ListPage<RefundRecord>> {
}
