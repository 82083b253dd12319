package com.yihuiliao.command.appointment;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.schedule.Period;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal to the command side: sent by the booking itself, in its transaction, once the schedule has held the
 * slot. Clients send {@code BookAppointment}.
 */
public record OpenAppointment(@TargetAggregateIdentifier String appointmentId, String patientId, String scheduleId,
                              String doctorId, String departmentId, LocalDate date, Period period, long feeFen,
                              Instant cancelUntil, Instant holdExpiresAt) implements Command {
}
