package com.yihuiliao.api.finance;

/** The columns the top-up report sorts on; ties are broken by the top-up's id, in the same direction. */
public enum TopUpReportSort {
    CREDITED_AT, AMOUNT, REFUNDED, NET, PATIENT, CHANNEL
}
