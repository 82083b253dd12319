package com.yihuiliao.api.appointment;

import java.util.List;

/** An appointment with every transition it went through, from its events. */
public record AppointmentDetail(AppointmentSummary appointment, List<StatusChange> history) {
}
