package com.yihuiliao.api.appointment;

public record AppointmentExpired(String appointmentId, String scheduleId, String patientId)
        implements AppointmentEvent {
}
