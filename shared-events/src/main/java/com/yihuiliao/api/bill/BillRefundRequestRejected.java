package com.yihuiliao.api.bill;

public record BillRefundRequestRejected(String billId, String requestId, String reason, String operator)
        implements BillEvent {
}
