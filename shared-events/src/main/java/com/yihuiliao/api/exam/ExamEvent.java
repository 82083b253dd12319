package com.yihuiliao.api.exam;

import com.yihuiliao.api.Event;

/** The physical exams' events (体检), all of them. Patients appear by id only. */
public sealed interface ExamEvent extends Event permits
        ExamDayOpened,
        ExamDayCapacityChanged,
        ExamPlaceTaken,
        ExamPlaceReleased,
        ExamBooked,
        ExamBookingExpired,
        ExamBookingPaid,
        ExamBookingCancelled,
        ExamCheckInRecorded {
}
