package com.yihuiliao.api.appointment;

import java.time.Instant;

/**
 * What a booking answers. scheduleVersion is the schedule's event sequence after the booking,
 * so the admission gate can be seeded from the aggregate's own state.
 */
public record AppointmentBookedResult(String appointmentId, AppointmentStatus status, Instant holdExpiresAt,
                                      int remaining, long scheduleVersion) {
}
