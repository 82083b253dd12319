package com.yihuiliao.api.exam;

/** An exam day's places changed (never below those taken). */
public record ExamDayCapacityChanged(String examDayId, int capacity) implements ExamEvent {
}
