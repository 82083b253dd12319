package com.yihuiliao.api.bill;

import java.util.List;

public record BillDetail(BillSummary bill, List<BillItemView> items, List<BillRefundRequestView> refundRequests) {
}
