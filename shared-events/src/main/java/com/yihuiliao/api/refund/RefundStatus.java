package com.yihuiliao.api.refund;

public enum RefundStatus {
    REQUESTED, SUCCEEDED, FAILED
}
