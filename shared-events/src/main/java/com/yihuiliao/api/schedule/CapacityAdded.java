package com.yihuiliao.api.schedule;

public record CapacityAdded(String scheduleId, int added, int capacity, int remaining) implements ScheduleEvent {
}
