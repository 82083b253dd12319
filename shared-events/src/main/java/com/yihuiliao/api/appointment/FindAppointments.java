package com.yihuiliao.api.appointment;

import java.time.LocalDate;

/** Staff's list: every filter is optional; pages start at 0. Answered with an {@link AppointmentPage}. */
public record FindAppointments(LocalDate date, String departmentId, String doctorId, String patientId,
                               AppointmentStatus status, int page, int size) {
}
