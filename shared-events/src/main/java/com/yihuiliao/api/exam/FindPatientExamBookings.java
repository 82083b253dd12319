package com.yihuiliao.api.exam;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;

/** A patient's exam bookings, latest exam date first: a {@link ListPage} of {@link ExamBookingSummary}. */
public record FindPatientExamBookings(String patientId, String cursor, int size)
        implements Query<ListPage<ExamBookingSummary>> {
}
