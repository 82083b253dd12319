package com.yihuiliao.api.exam;

import com.yihuiliao.api.payment.PaymentChannel;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One exam booking, the success page's data: booking number, date, check-in time and place, the package's notes,
 * status, what was paid and how, its e-invoice (once issued) and, when cancelled, who cancelled, why, and the
 * refund.
 *
 * @param outTradeNo      the paying order (null while unpaid)
 * @param invoiceNo       the payment's e-invoice number, once issued
 * @param refundedFen     what was refunded or is being refunded (0 when nothing)
 * @param refundStatus    REQUESTED, SUCCEEDED or FAILED (null when nothing was refunded)
 * @param creditNoteNo    the refund's red-letter invoice, once issued
 * @param cancelledBy     PATIENT or HOSPITAL (null unless cancelled)
 * @param cancelReason    what the canceller typed
 * @param checkedInAt     when the desk checked the patient in (null until then)
 */
public record ExamBookingDetail(String bookingId, String bookingNumber, String patientId, String packageId,
                                String packageName, LocalDate date, String checkInTime, String checkInPlace,
                                String notes, String status, long priceFen, Instant bookedAt, Instant payBy,
                                Instant cancelUntil, String outTradeNo, PaymentChannel paymentChannel, Long paidFen,
                                Instant paidAt, String invoiceNo, long refundedFen, String refundStatus,
                                String creditNoteNo, String cancelledBy, String cancelReason, Instant cancelledAt,
                                Instant checkedInAt) {
}
