package com.yihuiliao.api.payment;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;

/**
 * Answers (writing nothing) whether {@link PayAppointmentWithBalance} would go through: it throws the
 * same refusals. Sent before an open WeChat order is closed for a balance payment, because a close at
 * WeChat Pay cannot be undone.
 */
public record CheckAppointmentBalancePayment(String appointmentId, String patientId,
                                             String accountId) implements ActsForPatient, Command {
}
