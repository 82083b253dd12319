package com.yihuiliao.api.appointment;

import java.util.List;

/** A page of appointments for staff: the items, the total count over the whole filter, the page and its size. */
public record AppointmentPage(List<StaffAppointmentSummary> items, long total, int page, int size) {
}
