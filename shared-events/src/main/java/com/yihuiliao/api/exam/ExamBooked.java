package com.yihuiliao.api.exam;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An exam is booked and awaits payment until {@code payBy}. What the success page shows is copied from the
 * package and the centre as they were at booking, so a later edit never changes a booked exam.
 *
 * @param bookingNumber the number the patient shows at check-in (体检号)
 * @param cancelUntil   until when the patient may cancel (the rule in force at booking); null in bookings made
 *                      before there was one, which follow the first rule: until 17:00 (Beijing time) the day before the exam
 */
public record ExamBooked(String bookingId, String bookingNumber, String examDayId, String patientId,
                         String packageId, String packageName, LocalDate date, long priceFen, String checkInTime,
                         String checkInPlace, String notes, Instant payBy, Instant cancelUntil)
        implements ExamEvent {

    /** A booking as first stored, before it carried its cancellation deadline. */
    public ExamBooked(String bookingId, String bookingNumber, String examDayId, String patientId, String packageId,
                      String packageName, LocalDate date, long priceFen, String checkInTime, String checkInPlace,
                      String notes, Instant payBy) {
        this(bookingId, bookingNumber, examDayId, patientId, packageId, packageName, date, priceFen, checkInTime,
                checkInPlace, notes, payBy, null);
    }

    /** Until when the patient may cancel: as booked, or by the first rule (17:00 Beijing time the day before). */
    public Instant cancelDeadline() {
        return cancelUntil != null ? cancelUntil
                : date.minusDays(1).atTime(17, 0).atZone(com.yihuiliao.api.Clocks.HOSPITAL_ZONE).toInstant();
    }
}
