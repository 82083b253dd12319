package com.yihuiliao.api.bill;

import java.time.LocalDate;

/** Staff's list: every filter optional; from / to are issue dates (Asia/Shanghai), inclusive; pages start at 0. */
public record FindBills(String patientId, BillStatus status, LocalDate from, LocalDate to, int page, int size) {
}
