package com.yihuiliao.api.payment;

import com.yihuiliao.api.Command;

/**
 * Pays an order from the patient's outpatient balance in one unit of work: the payment is
 * created, the account debited and the payment recorded as paid — all of it, or nothing.
 */
public record PayFromBalance(String outTradeNo, PaymentPurpose purpose, String referenceId, String patientId,
                             long amountFen) implements Command {
}
