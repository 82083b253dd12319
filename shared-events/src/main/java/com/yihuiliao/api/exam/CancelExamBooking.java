package com.yihuiliao.api.exam;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;

/**
 * The patient cancels their exam booking before its cancellation deadline: a paid one is refunded in full to
 * the channel it was paid by, and the place goes back to the day. A repeat answers the same and refunds nothing
 * more. Answers {@link ExamCancellation}.
 *
 * @param reason what the patient typed, or null
 */
public record CancelExamBooking(String bookingId, String patientId, String accountId, String reason)
        implements ActsForPatient, Command {
}
