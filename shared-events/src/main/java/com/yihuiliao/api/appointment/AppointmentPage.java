package com.yihuiliao.api.appointment;

import java.util.List;

public record AppointmentPage(List<StaffAppointmentSummary> items, long total, int page, int size) {
}
