package com.yihuiliao.api.appointment;

import com.yihuiliao.api.schedule.Period;
import java.time.Instant;
import java.time.LocalDate;

public record AppointmentBooked(String appointmentId, String patientId, String scheduleId, String doctorId,
                                String departmentId, LocalDate date, Period period, long feeFen,
                                Instant cancelUntil, Instant holdExpiresAt) implements AppointmentEvent {
}
