package com.yihuiliao.api.payment;

public enum PaymentChannel {
    WECHAT, BALANCE
}
