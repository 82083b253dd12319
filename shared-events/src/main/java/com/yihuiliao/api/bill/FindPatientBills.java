package com.yihuiliao.api.bill;

/** One patient's bills, newest first; status optional. */
public record FindPatientBills(String patientId, BillStatus status) {
}
