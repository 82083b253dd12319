package com.yihuiliao.api.appointment;

import java.time.LocalDate;

/** Staff's list: every filter is optional; pages start at 0. */
public record FindAppointments(LocalDate date, String departmentId, String doctorId, AppointmentStatus status,
                               int page, int size) {
}
