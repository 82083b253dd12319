package com.yihuiliao.api.exam;

/**
 * One exam booking for staff: its patient's name and masked ID number, the booking in full, and who checked the
 * patient in at the desk (null until then).
 */
public record StaffExamBookingDetail(String patientName, String patientIdNumberMasked, ExamBookingDetail booking,
                                     String checkedInBy) {
}
