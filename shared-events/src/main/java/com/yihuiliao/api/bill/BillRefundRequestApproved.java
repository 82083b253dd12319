package com.yihuiliao.api.bill;

/** Finance approved the request; its refund is {@code outRefundNo} (a {@code BillItemRefunded} follows). */
public record BillRefundRequestApproved(String billId, String requestId, String outRefundNo, String operator)
        implements BillEvent {
}
