package com.yihuiliao.api.bill;

/** ISSUED (to be paid) → PAID once, or → VOIDED by staff while unpaid. */
public enum BillStatus {
    ISSUED, PAID, VOIDED
}
