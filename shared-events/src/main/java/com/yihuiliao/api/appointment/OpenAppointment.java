package com.yihuiliao.api.appointment;

import com.yihuiliao.api.schedule.Period;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the booking itself, in its transaction, once the schedule has held the slot. */
public record OpenAppointment(@TargetAggregateIdentifier String appointmentId, String patientId, String scheduleId,
                              String doctorId, String departmentId, LocalDate date, Period period, long feeFen,
                              Instant cancelUntil, Instant holdExpiresAt) {
}
