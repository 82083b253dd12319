package com.yihuiliao.api.payment;

/** How a payment was made: WeChat Pay, the outpatient balance, or cash / card at the counter (窗口收费). */
public enum PaymentChannel {
    WECHAT, BALANCE, COUNTER
}
