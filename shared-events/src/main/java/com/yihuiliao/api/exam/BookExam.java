package com.yihuiliao.api.exam;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;
import java.time.LocalDate;

/**
 * Book a package's exam on a date for one of the caller's patients: the day takes a place and the booking is
 * opened, in one transaction. Answers {@link ExamBookingSlip}.
 *
 * @param mayRepeat the client chose the booking id (a request id): the same booking may arrive again
 */
public record BookExam(String bookingId, String packageId, LocalDate date, String patientId, String accountId,
                       boolean mayRepeat) implements ActsForPatient, Command {
}
