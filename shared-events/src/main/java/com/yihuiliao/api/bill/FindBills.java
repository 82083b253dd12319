package com.yihuiliao.api.bill;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import java.time.LocalDate;

/** Staff's list: every filter optional; from / to are issue dates (Asia/Shanghai), inclusive. Answered with a {@link com.yihuiliao.api.ListPage}. */
public record FindBills(String patientId, BillStatus status, LocalDate from, LocalDate to, String cursor, int size)
        implements Query<ListPage<BillSummary>> {
}
