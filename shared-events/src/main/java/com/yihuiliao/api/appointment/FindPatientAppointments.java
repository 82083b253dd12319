package com.yihuiliao.api.appointment;

/** A patient's appointments, newest visit first: a {@link com.yihuiliao.api.ListPage} of {@link AppointmentSummary}. */
public record FindPatientAppointments(String patientId, String cursor, int size) {
}
