package com.yihuiliao.api.schedule;

/** Free slots taken away: capacity is never below the slots held. */
public record CapacityReduced(String scheduleId, int removed, int capacity, int remaining) implements ScheduleEvent {
}
