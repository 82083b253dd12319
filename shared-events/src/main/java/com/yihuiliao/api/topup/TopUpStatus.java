package com.yihuiliao.api.topup;

/** Created (order open) → paid (WeChat Pay notified) → credited (the account holds the money). */
public enum TopUpStatus {
    CREATED, PAID, CREDITED
}
