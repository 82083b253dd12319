package com.yihuiliao.api.appointment;

import com.yihuiliao.api.schedule.Period;
import java.time.LocalDate;

/** 爽约: still confirmed, never checked in, when its period ended. */
public record AppointmentMissed(String appointmentId, String scheduleId, String patientId, String departmentId,
                                String doctorId, LocalDate date, Period period) implements AppointmentEvent {
}
