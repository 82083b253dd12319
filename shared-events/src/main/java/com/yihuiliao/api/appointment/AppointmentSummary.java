package com.yihuiliao.api.appointment;

import com.yihuiliao.api.schedule.Period;
import java.time.Instant;
import java.time.LocalDate;

/** An appointment as its patient lists it: schedule, doctor, date, period, fee and status. */
public record AppointmentSummary(String appointmentId, String patientId, String scheduleId, String doctorId,
                                 String doctorName, String departmentId, LocalDate date, Period period,
                                 long feeFen, AppointmentStatus status, Instant bookedAt, Instant holdExpiresAt,
                                 Instant cancelUntil) {
}
