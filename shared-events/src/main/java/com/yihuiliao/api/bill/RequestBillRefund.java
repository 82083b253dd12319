package com.yihuiliao.api.bill;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;

/**
 * A patient asks for a refund of part of a paid bill's line (退费申请): a quantity or an amount, exactly one.
 * Idempotent by {@code requestId}; answers the request as a {@link BillRefundRequestView}.
 */
public record RequestBillRefund(String billId, String requestId, String patientId, String accountId, int line,
                                Long amountFen, Integer quantity, String reason) implements ActsForPatient, Command {
}
