package com.yihuiliao.api.bill;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.ListPage;

/** One patient's bills, newest first; status optional. Answered with a {@link com.yihuiliao.api.ListPage}. */
public record FindPatientBills(String patientId, BillStatus status, String cursor, int size)
        implements Query<ListPage<BillSummary>> {
}
