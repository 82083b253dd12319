package com.yihuiliao.api.bill;

/** Staff: refund requests, oldest first (the queue finance works through); optionally of one status. */
public record FindBillRefundRequests(BillRefundRequestStatus status, int page, int size) {
}
