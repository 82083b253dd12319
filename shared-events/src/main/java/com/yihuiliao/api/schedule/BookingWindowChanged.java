package com.yihuiliao.api.schedule;

public record BookingWindowChanged(String scheduleId, BookingWindow window) implements ScheduleEvent {
}
