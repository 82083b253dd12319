package com.yihuiliao.api.exam;

/** An exam booking was not paid in time: its place goes back to the day. */
public record ExamBookingExpired(String bookingId, String examDayId, String patientId) implements ExamEvent {
}
