package com.yihuiliao.api.bill;

/** A patient's refund request (退费申请) of a bill line: pending until finance approves or rejects it. */
public enum BillRefundRequestStatus {
    PENDING, APPROVED, REJECTED
}
