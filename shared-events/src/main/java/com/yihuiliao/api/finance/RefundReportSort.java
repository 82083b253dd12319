package com.yihuiliao.api.finance;

/** The columns the refund report sorts on; ties are broken by the refund's number, in the same direction. */
public enum RefundReportSort {
    REQUESTED_AT, AMOUNT, PATIENT, CHANNEL, STATUS
}
