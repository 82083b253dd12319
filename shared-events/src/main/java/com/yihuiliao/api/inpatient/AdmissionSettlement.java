package com.yihuiliao.api.inpatient;

import com.yihuiliao.api.refund.RefundResult;
import java.time.Instant;
import java.util.List;

/**
 * A settlement's outcome: the fees, the deposit then, what was charged against it, what goes back
 * ({@code refundFen}: through the WeChat top-ups that funded it, {@code refunds}; what they cannot take back —
 * cash paid at the counter — stays on the deposit, {@code leftOnDepositFen}), and the shortfall billed.
 *
 * @param repeated true when the admission was settled before: nothing new happened
 */
public record AdmissionSettlement(String admissionId, String patientId, long totalFeesFen, long depositFen,
                                  long chargedFen, long refundFen, long leftOnDepositFen, long shortfallFen,
                                  String billId, List<RefundResult> refunds, Instant settledAt, boolean repeated) {
}
