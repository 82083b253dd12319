package com.yihuiliao.api.appointment;

public record AppointmentCancelled(String appointmentId, String scheduleId, String patientId, CancelledBy by,
                                   String reason, boolean wasConfirmed) {
}
