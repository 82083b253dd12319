package com.yihuiliao.api.appointment;

public record AppointmentConfirmed(String appointmentId, String paymentReference) {
}
