package com.yihuiliao.api.bill;

import com.yihuiliao.api.Query;

public record FindBill(String billId) implements Query<BillDetail> {
}
