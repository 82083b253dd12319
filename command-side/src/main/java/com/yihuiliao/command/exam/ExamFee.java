package com.yihuiliao.command.exam;

import java.time.Instant;

/** The booking's answer to {@link QuoteExamFee}. */
public sealed interface ExamFee {

    /** Held: this price is to be paid by {@code payBy}. */
    record Payable(long priceFen, Instant payBy) implements ExamFee {
    }

    /** Paid by this order: a repeated payment request answers it. */
    record PaidBy(String outTradeNo, long priceFen) implements ExamFee {
    }

    /** Expired or cancelled: it can no longer be paid. */
    record NotPayable(String status) implements ExamFee {
    }
}
