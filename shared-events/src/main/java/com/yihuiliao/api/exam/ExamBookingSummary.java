package com.yihuiliao.api.exam;

import com.yihuiliao.api.payment.PaymentChannel;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An exam booking in a list: its number, package, date, status ({@code HELD}, {@code PAID}, {@code EXPIRED},
 * {@code CANCELLED}), price, and what paid it.
 *
 * @param paidFen        what was paid (null while unpaid)
 * @param paymentChannel BALANCE or WECHAT (null while unpaid)
 * @param cancelUntil    until when the patient may cancel
 */
public record ExamBookingSummary(String bookingId, String bookingNumber, String patientId, String packageId,
                                 String packageName, LocalDate date, String status, long priceFen, Long paidFen,
                                 PaymentChannel paymentChannel, Instant bookedAt, Instant payBy, Instant cancelUntil) {
}
