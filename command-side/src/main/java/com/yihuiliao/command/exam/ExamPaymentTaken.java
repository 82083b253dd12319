package com.yihuiliao.command.exam;

import com.yihuiliao.api.refund.RefundReason;

/** The booking's answer to {@link TakeExamPayment}. */
public sealed interface ExamPaymentTaken {

    /** Paid by the order (now, or by an earlier delivery of the same payment). */
    record Paid() implements ExamPaymentTaken {
    }

    /** Expired, cancelled or paid by another order: the money goes back, for this reason. */
    record Late(RefundReason reason) implements ExamPaymentTaken {
    }
}
