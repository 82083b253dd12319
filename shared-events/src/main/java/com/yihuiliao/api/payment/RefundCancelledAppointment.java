package com.yihuiliao.api.payment;

import com.yihuiliao.api.Command;

/**
 * Sent by the payment process when a paid appointment is cancelled: refund what remains of its fee.
 * {@code note} is the cancellation's own reason (a person's words, or null).
 */
public record RefundCancelledAppointment(String appointmentId, String note) implements Command {
}
