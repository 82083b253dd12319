package com.yihuiliao.api.exam;

/** The patient was checked in at the desk for a paid exam booking, on its exam day; it can no longer be cancelled. */
public record ExamCheckInRecorded(String bookingId, String examDayId, String patientId, String checkedInBy)
        implements ExamEvent {
}
