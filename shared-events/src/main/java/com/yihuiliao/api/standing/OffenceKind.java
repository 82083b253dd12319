package com.yihuiliao.api.standing;

/** What a penalty rule may count against a person. */
public enum OffenceKind {
    /** 爽约: a confirmed appointment neither visited nor cancelled. */
    NO_SHOW,
    /** Cancelled by the patient within the rules' late-cancellation hours of the period's start. */
    LATE_CANCELLATION,
    /** A paid appointment refunded on its visit day. */
    SAME_DAY_REFUND
}
