package com.yihuiliao.api.bill;

import java.util.List;

/** A bill with its lines and its refund requests. */
public record BillDetail(BillSummary bill, List<BillItemView> items, List<BillRefundRequestView> refundRequests) {
}
