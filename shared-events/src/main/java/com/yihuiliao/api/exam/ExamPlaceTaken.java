package com.yihuiliao.api.exam;

/** A place of an exam day is taken by a booking; {@code remaining} places are left. */
public record ExamPlaceTaken(String examDayId, String bookingId, String patientId, int remaining) implements ExamEvent {
}
