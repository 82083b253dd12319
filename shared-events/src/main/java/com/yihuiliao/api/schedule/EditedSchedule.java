package com.yihuiliao.api.schedule;

/** What an edit answers: the schedule as it now is. */
public record EditedSchedule(String scheduleId, int capacity, int remaining, long feeFen) {
}
