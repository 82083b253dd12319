package com.yihuiliao.api.billing;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.LocalDate;

/**
 * Payments, newest first, answered as a {@link PaymentRecordPage}. Every filter is optional; {@code from} and
 * {@code to} are business dates (Asia/Shanghai, inclusive), so they select paid payments; pages start at 0.
 */
public record FindPaymentRecords(LocalDate from, LocalDate to, String patientId, PaymentPurpose purpose,
                                 PaymentChannel channel, PaymentRecordStatus status, int page, int size) {
}
