package com.yihuiliao.api.appointment;

import com.yihuiliao.api.schedule.Period;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An appointment as staff see it: with the patient's name and masked ID number ({@code 1101**********0179}),
 * from the patient directory, never from events. Both are null for a patient the directory does not know.
 */
public record StaffAppointmentSummary(String appointmentId, String patientId, String patientName,
                                      String patientIdNumberMasked, String scheduleId, String doctorId,
                                      String doctorName, String departmentId, LocalDate date, Period period,
                                      long feeFen, AppointmentStatus status, Instant bookedAt, Instant holdExpiresAt,
                                      Instant cancelUntil) {
}
