package com.yihuiliao.api.payment;

/** Sent by the payment process when a paid appointment is cancelled: refund what remains of its fee. */
public record RefundCancelledAppointment(String appointmentId, String reason) {
}
