package com.yihuiliao.api.billing;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.LocalDate;

/**
 * Payments, newest first, answered as a {@link com.yihuiliao.api.ListPage} with the amount and refunded sums of the whole filter. Every filter is optional; {@code from} and
 * {@code to} are business dates (Asia/Shanghai, inclusive), so they select paid payments.
 */
public record FindPaymentRecords(LocalDate from, LocalDate to, String patientId, PaymentPurpose purpose,
                                 PaymentChannel channel, PaymentRecordStatus status, String cursor, int size)
        implements Query<ListPage<PaymentRecord>> {
}
