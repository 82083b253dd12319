package com.yihuiliao.api.exam;

import com.yihuiliao.api.appointment.CancelledBy;

/**
 * An exam booking was cancelled: its place goes back to the day, and a paid one ({@code paymentReference}, else
 * null) is refunded in the same unit of work.
 *
 * @param reason what the canceller typed, or null
 */
public record ExamBookingCancelled(String bookingId, String examDayId, String patientId, CancelledBy cancelledBy,
                                   String reason, String paymentReference) implements ExamEvent {
}
