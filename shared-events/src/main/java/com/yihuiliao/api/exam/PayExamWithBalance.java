package com.yihuiliao.api.exam;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;

/**
 * Pays a held exam booking's price from the outpatient balance, and the booking is paid by it; for the caller's
 * own patient. Answers {@code BalancePaymentResult}; a retry after success answers the same payment.
 */
public record PayExamWithBalance(String bookingId, String patientId, String accountId)
        implements ActsForPatient, Command {
}
