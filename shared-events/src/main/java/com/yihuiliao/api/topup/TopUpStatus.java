package com.yihuiliao.api.topup;

/**
 * Created (order open) → paid (WeChat Pay notified) → credited (the account holds the money); or
 * created → closed (the order expired unpaid).
 */
public enum TopUpStatus {
    CREATED, PAID, CREDITED, CLOSED
}
