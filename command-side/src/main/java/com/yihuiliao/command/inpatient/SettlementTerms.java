package com.yihuiliao.command.inpatient;

import java.time.Instant;

/**
 * What a settlement decided: chargedFen = min(fees, deposit); of the rest, refundFen goes back through the
 * top-ups (at most what they can take back), leftOnDepositFen stays; shortfallFen = fees − charged is billed.
 */
public record SettlementTerms(String admissionId, String patientId, long totalFeesFen, long depositFen,
                              long chargedFen, long refundFen, long leftOnDepositFen, long shortfallFen,
                              String withdrawalId, String billId, Instant settledAt) {

    /** The decision from the fees, the deposit and what the funding top-ups can take back. */
    static SettlementTerms decide(String admissionId, String patientId, long totalFeesFen, long depositFen,
                                  long refundableFen, String withdrawalId, String billId, Instant at) {
        long charged = Math.min(totalFeesFen, depositFen);
        long remainder = depositFen - charged;
        long refund = Math.min(remainder, Math.max(0, refundableFen));
        long shortfall = totalFeesFen - charged;
        return new SettlementTerms(admissionId, patientId, totalFeesFen, depositFen, charged, refund,
                remainder - refund, shortfall, refund > 0 ? withdrawalId : null, shortfall > 0 ? billId : null, at);
    }
}
