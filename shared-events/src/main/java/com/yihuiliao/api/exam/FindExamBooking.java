package com.yihuiliao.api.exam;

import com.yihuiliao.api.Query;

/** One exam booking (null when unknown). */
public record FindExamBooking(String bookingId) implements Query<ExamBookingDetail> {
}
