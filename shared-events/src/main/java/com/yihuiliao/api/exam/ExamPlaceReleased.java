package com.yihuiliao.api.exam;

/** A booking gave its place back (it expired unpaid, or was cancelled). */
public record ExamPlaceReleased(String examDayId, String bookingId) implements ExamEvent {
}
