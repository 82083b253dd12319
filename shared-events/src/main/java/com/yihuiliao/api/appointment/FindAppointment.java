package com.yihuiliao.api.appointment;

public record FindAppointment(String appointmentId) {
}
