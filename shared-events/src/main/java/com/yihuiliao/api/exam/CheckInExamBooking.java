package com.yihuiliao.api.exam;

import com.yihuiliao.api.Command;

/**
 * The desk checks a patient in for a paid exam booking (体检签到), on the exam day (Beijing time) only. Answers
 * {@link ExamBookingSlip}.
 *
 * @param operator the staff member at the desk
 */
public record CheckInExamBooking(String bookingId, String operator) implements Command {
}
