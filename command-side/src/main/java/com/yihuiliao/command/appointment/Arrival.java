package com.yihuiliao.command.appointment;

/** A check-in the appointment recorded: what the session's queue needs to number it. */
public record Arrival(String appointmentId, String scheduleId, String doctorId, String patientId) {
}
