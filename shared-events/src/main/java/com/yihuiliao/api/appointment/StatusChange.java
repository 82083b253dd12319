package com.yihuiliao.api.appointment;

import java.time.Instant;

/** @param by who made the change; null where the event does not say (a confirmation: by a payment, or staff) */
public record StatusChange(AppointmentStatus status, Instant at, ChangedBy by, String reason) {
}
