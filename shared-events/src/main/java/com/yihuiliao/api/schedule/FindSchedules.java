package com.yihuiliao.api.schedule;

import com.yihuiliao.api.Query;
import java.time.LocalDate;
import java.util.List;

/** Schedules between two dates (inclusive), of a department and/or a doctor when given. */
public record FindSchedules(String departmentId, String doctorId, LocalDate from, LocalDate to)
        implements Query<List<ScheduleSlots>> {
}
