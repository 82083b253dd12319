package com.yihuiliao.api.inpatient;

/**
 * The admission was settled (出院结算), once: the fees, the deposit then, what was charged against it, what goes
 * back through withdrawal {@code withdrawalId} (null when nothing does), what stays on the deposit, and the
 * shortfall billed as {@code billId} (null when none).
 */
public record AdmissionSettled(String admissionId, String patientId, long totalFeesFen, long depositFen,
                               long chargedFen, long refundFen, long leftOnDepositFen, long shortfallFen,
                               String withdrawalId, String billId, String settledBy) implements InpatientEvent {
}
