package com.yihuiliao.api.payment;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;

/**
 * Opens (or finds again) the WeChat Pay order for a held appointment's fee. The order number follows
 * from the appointment, so a repeated request answers the same open order; once an order was closed
 * unpaid while the hold lasts, the next number is opened instead.
 */
public record StartWeChatAppointmentPayment(String appointmentId, String patientId,
                                            String accountId) implements ActsForPatient, Command {
}
