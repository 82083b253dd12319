package com.yihuiliao.api.billing;

/** A payment as the records show it: its order status, and how much of it went back. */
public enum PaymentRecordStatus {
    CREATED, PAID, CLOSED, PARTLY_REFUNDED, REFUNDED
}
