package com.yihuiliao.api.exam;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the success page shows of a booked exam: booking number, date, check-in time and place, the package's
 * notes (体检须知), the price and the status ({@code HELD} until paid, by {@code payBy}).
 */
public record ExamBookingSlip(String bookingId, String bookingNumber, String patientId, String packageId,
                              String packageName, LocalDate date, String checkInTime, String checkInPlace,
                              String notes, long priceFen, String status, Instant payBy) {
}
