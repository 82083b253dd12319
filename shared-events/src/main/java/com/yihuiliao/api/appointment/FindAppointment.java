package com.yihuiliao.api.appointment;

import com.yihuiliao.api.Query;

public record FindAppointment(String appointmentId) implements Query<AppointmentDetail> {
}
