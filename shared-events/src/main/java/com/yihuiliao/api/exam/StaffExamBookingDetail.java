package com.yihuiliao.api.exam;

/** One exam booking for staff: its patient's name and masked ID number, and the booking in full. */
public record StaffExamBookingDetail(String patientName, String patientIdNumberMasked, ExamBookingDetail booking) {
}
