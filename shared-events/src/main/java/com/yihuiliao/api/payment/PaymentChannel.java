package com.yihuiliao.api.payment;

/** How a payment was made: WeChat Pay, the outpatient balance, or cash / card at the counter (窗口收费). */
public enum PaymentChannel {
    WECHAT, BALANCE,
    /** Cash or POS at the hospital's cashier: walk-in registrations (a {@code Payment} paid at once) and counter
     * top-ups (an account credit, no {@code Payment} of their own). */
    COUNTER
}
