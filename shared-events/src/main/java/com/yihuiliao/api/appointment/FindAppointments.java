package com.yihuiliao.api.appointment;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import java.time.LocalDate;

/**
 * Staff's list: every filter is optional. Answered with a {@link com.yihuiliao.api.ListPage} of
 * {@link StaffAppointmentSummary}; {@code cursor} (null: the first page) and {@code size} as there.
 */
public record FindAppointments(LocalDate date, String departmentId, String doctorId, String patientId,
                               AppointmentStatus status, String cursor, int size)
        implements Query<ListPage<StaffAppointmentSummary>> {
}
