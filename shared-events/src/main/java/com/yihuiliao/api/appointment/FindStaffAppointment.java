package com.yihuiliao.api.appointment;

import com.yihuiliao.api.Query;

/** Answered with a {@link StaffAppointmentDetail}, or null for an unknown id. */
public record FindStaffAppointment(String appointmentId) implements Query<StaffAppointmentDetail> {
}
