package com.yihuiliao.api.schedule;

import java.time.LocalDate;

public record SchedulePublished(String scheduleId, String doctorId, String departmentId, LocalDate date,
                                Period period, int capacity, long feeFen, BookingWindow window)
        implements ScheduleEvent {
}
