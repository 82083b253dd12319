package com.yihuiliao.api.schedule;

import java.time.Instant;
import java.time.LocalDate;

public record SlotHeld(String scheduleId, String appointmentId, String patientId, String doctorId,
                       String departmentId, LocalDate date, Period period, long feeFen, Instant cancelUntil,
                       int remaining) implements ScheduleEvent {
}
