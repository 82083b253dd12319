package com.yihuiliao.api.appointment;

import java.time.Instant;

public record StatusChange(AppointmentStatus status, Instant at, String reason) {
}
