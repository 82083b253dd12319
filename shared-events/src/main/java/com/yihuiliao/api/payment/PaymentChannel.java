package com.yihuiliao.api.payment;

public enum PaymentChannel {
    WECHAT, BALANCE,
    /** Cash or POS at the hospital's cashier: only counter top-ups, which have no {@code Payment} of their own. */
    COUNTER
}
