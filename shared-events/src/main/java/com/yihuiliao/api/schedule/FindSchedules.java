package com.yihuiliao.api.schedule;

import java.time.LocalDate;

/** Schedules between two dates (inclusive), of a department and/or a doctor when given. */
public record FindSchedules(String departmentId, String doctorId, LocalDate from, LocalDate to) {
}
