package com.yihuiliao.api.payment;

/** Why an unpaid order was closed, as a code; the detail beside it is WeChat Pay's trade state, or old words. */
public enum CloseReason {
    /** The appointment's hold expired before it was paid. */
    HOLD_EXPIRED,
    /** The order itself expired unpaid (the sweep of open WeChat orders). */
    ORDER_EXPIRED,
    /** The patient chose to pay from the balance instead. */
    SWITCHED_TO_BALANCE,
    /** WeChat Pay ended it unpaid; the detail is its trade state (CLOSED, REVOKED, PAYERROR). */
    CLOSED_AT_WECHAT,
    /** Stored before close reasons were codes, in words we do not recognise: the detail is those words. */
    OTHER
}
