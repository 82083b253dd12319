package com.yihuiliao.api.schedule;

import java.time.LocalDate;

/** The schedule is withdrawn: not listed, not bookable; its doctor, date and period are free again. */
public record ScheduleCancelled(String scheduleId, String doctorId, LocalDate date, Period period, String reason)
        implements ScheduleEvent {
}
