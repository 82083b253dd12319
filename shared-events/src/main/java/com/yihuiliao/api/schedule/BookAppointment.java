package com.yihuiliao.api.schedule;

/**
 * Book a slot of a schedule for a patient: the schedule holds the slot and the appointment is
 * opened, in one transaction. Answers {@link AppointmentBookedResult}.
 *
 * @param mayRepeat the client chose the appointment id (a request id): the same booking may arrive again
 */
public record BookAppointment(String scheduleId, String appointmentId, String patientId, boolean mayRepeat) {
}
