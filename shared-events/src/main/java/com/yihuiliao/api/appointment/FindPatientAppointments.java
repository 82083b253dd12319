package com.yihuiliao.api.appointment;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.ListPage;

/** A patient's appointments, newest visit first: a {@link com.yihuiliao.api.ListPage} of {@link AppointmentSummary}. */
public record FindPatientAppointments(String patientId, String cursor, int size)
        implements Query<ListPage<AppointmentSummary>> {
}
