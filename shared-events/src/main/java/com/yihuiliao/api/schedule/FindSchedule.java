package com.yihuiliao.api.schedule;

import com.yihuiliao.api.Query;

public record FindSchedule(String scheduleId) implements Query<ScheduleSlots> {
}
