package com.yihuiliao.api.schedule;

import java.time.Instant;
import java.time.LocalDate;

/** A schedule as patients and staff see it: who, when, and how many slots are left. */
public record ScheduleSlots(String scheduleId, String doctorId, String doctorName, String departmentId,
                            LocalDate date, Period period, int capacity, int remaining, long feeFen,
                            boolean suspended, String suspendReason, Instant opensAt, Instant closesAt,
                            Instant cancelUntil) {
}
