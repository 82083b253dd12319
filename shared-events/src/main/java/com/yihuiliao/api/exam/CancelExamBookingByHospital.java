package com.yihuiliao.api.exam;

import com.yihuiliao.api.Command;

/**
 * Staff cancel an exam booking for the patient, whatever the patient's deadline: refunded in full as the
 * patient's own cancellation would be. Answers {@link ExamCancellation}.
 *
 * @param reason   what the staff member typed
 * @param operator the staff member
 */
public record CancelExamBookingByHospital(String bookingId, String reason, String operator) implements Command {
}
