package com.yihuiliao.api.exam;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An exam is booked and awaits payment until {@code payBy}. What the success page shows is copied from the
 * package and the centre as they were at booking, so a later edit never changes a booked exam.
 *
 * @param bookingNumber the number the patient shows at check-in (体检号)
 */
public record ExamBooked(String bookingId, String bookingNumber, String examDayId, String patientId,
                         String packageId, String packageName, LocalDate date, long priceFen, String checkInTime,
                         String checkInPlace, String notes, Instant payBy) implements ExamEvent {
}
