package com.yihuiliao.api.appointment;

/** The patient arrived (签到): a checked-in appointment is never missed. */
public record CheckInRecorded(String appointmentId, String scheduleId, String patientId)
        implements AppointmentEvent {
}
