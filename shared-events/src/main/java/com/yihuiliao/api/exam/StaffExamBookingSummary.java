package com.yihuiliao.api.exam;

/** An exam booking in staff's list: the booking and its patient's name and masked ID number (never the phone). */
public record StaffExamBookingSummary(String patientName, String patientIdNumberMasked, ExamBookingSummary booking) {
}
