package com.yihuiliao.api.exam;

import com.yihuiliao.api.Query;

/** One exam booking with its patient's name and masked ID number (null when unknown). */
public record FindStaffExamBooking(String bookingId) implements Query<StaffExamBookingDetail> {
}
