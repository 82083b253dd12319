package com.yihuiliao.api.schedule;

import java.time.LocalDate;

public record SlotReleased(String scheduleId, String appointmentId, String patientId, LocalDate date,
                           ReleaseReason reason, int remaining) implements ScheduleEvent {
}
