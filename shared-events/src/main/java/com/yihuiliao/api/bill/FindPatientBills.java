package com.yihuiliao.api.bill;

/** One patient's bills, newest first; status optional. Answered with a {@link com.yihuiliao.api.ListPage}. */
public record FindPatientBills(String patientId, BillStatus status, String cursor, int size) {
}
