package com.yihuiliao.api.appointment;

public record FindPatientAppointments(String patientId) {
}
