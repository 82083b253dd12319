package com.yihuiliao.api.appointment;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;

/**
 * Book a slot of a schedule for a patient: the schedule holds the slot and the appointment is
 * opened, in one transaction. Answers {@link AppointmentBookedResult}.
 *
 * @param accountId the caller's account: the patient must be one of its own
 * @param mayRepeat the client chose the appointment id (a request id): the same booking may arrive again
 */
public record BookAppointment(String scheduleId, String appointmentId, String patientId, String accountId,
                              boolean mayRepeat) implements ActsForPatient, Command {
}
