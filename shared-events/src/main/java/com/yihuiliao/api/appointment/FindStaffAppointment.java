package com.yihuiliao.api.appointment;

/** Answered with a {@link StaffAppointmentDetail}, or null for an unknown id. */
public record FindStaffAppointment(String appointmentId) {
}
