package com.yihuiliao.api.finance;

/** The columns the consumption report sorts on; ties are broken by the record's id, in the same direction. */
public enum ConsumptionSort {
    PAID_AT, AMOUNT, REFUNDED, NET, DEPARTMENT, DOCTOR, PATIENT, CHANNEL
}
