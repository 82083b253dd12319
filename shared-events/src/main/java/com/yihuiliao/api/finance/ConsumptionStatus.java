package com.yihuiliao.api.finance;

/** How much of a consumption record came back: none, part, or all of it. */
public enum ConsumptionStatus {
    PAID, PARTLY_REFUNDED, REFUNDED;

    public static ConsumptionStatus of(long amountFen, long refundedFen) {
        return refundedFen <= 0 ? PAID : refundedFen >= amountFen ? REFUNDED : PARTLY_REFUNDED;
    }
}
