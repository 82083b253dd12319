package com.yihuiliao.api.schedule;

public record FindSchedule(String scheduleId) {
}
