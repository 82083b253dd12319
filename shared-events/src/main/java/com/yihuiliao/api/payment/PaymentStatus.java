package com.yihuiliao.api.payment;

public enum PaymentStatus {
    CREATED, PAID, CLOSED
}
