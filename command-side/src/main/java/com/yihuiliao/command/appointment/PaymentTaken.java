package com.yihuiliao.command.appointment;

import com.yihuiliao.api.refund.RefundReason;

/** The appointment's answer to {@link TakePayment}. */
public sealed interface PaymentTaken {

    /** Confirmed by the order (now, or by an earlier delivery of the same payment). */
    record Confirmed() implements PaymentTaken {
    }

    /** Expired, cancelled or paid by another order: the money goes back, for this reason. */
    record Late(RefundReason reason) implements PaymentTaken {
    }
}
