package com.yihuiliao.api.exam;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import java.time.LocalDate;

/**
 * Staff's list of exam bookings, by exam date then booking time: every filter is optional. {@code patient} is a
 * fragment of the patient's name, masked ID number or phone number, or the patient id. Answered with a {@link ListPage} of {@link StaffExamBookingSummary}.
 */
public record FindExamBookings(LocalDate from, LocalDate to, String packageId, String status, String patient,
                               String cursor, int size) implements Query<ListPage<StaffExamBookingSummary>> {
}
