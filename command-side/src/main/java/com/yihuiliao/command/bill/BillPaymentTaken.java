package com.yihuiliao.command.bill;

import com.yihuiliao.api.refund.RefundReason;

/** The bill's answer to {@link TakeBillPayment}. */
public sealed interface BillPaymentTaken {

    /** Paid by the order (now, or by an earlier delivery of the same payment). */
    record Paid() implements BillPaymentTaken {
    }

    /** Voided, or paid by another order: the money goes back, for this reason. */
    record Late(RefundReason reason) implements BillPaymentTaken {
    }
}
