package com.yihuiliao.api.bill;

/** What a bill line charges for. */
public enum BillItemCategory {
    REGISTRATION, LAB, IMAGING, PRESCRIPTION, TREATMENT, OTHER
}
