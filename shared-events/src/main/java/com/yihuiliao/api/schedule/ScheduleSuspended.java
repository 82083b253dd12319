package com.yihuiliao.api.schedule;

import java.util.List;

/** Every appointment that held a slot when the schedule was suspended is named, to be cancelled. */
public record ScheduleSuspended(String scheduleId, String reason, List<String> appointmentIds)
        implements ScheduleEvent {
}
