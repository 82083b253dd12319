package com.yihuiliao.api.inpatient;

import java.time.Instant;

/**
 * An admission in full.
 *
 * @param depositFen   the inpatient deposit: the account's balance now, or at the settlement once settled
 * @param remainingFen the deposit less the fees (negative: the fees exceed it)
 * @param settlement   what the settlement decided; null until settled
 * @param provenance   who pushed or entered it (staff only; null in patients' answers)
 */
public record AdmissionDetail(AdmissionSummary admission, long depositFen, long remainingFen, int lowDepositWarnings,
                              SettlementOutcome settlement, AdmissionProvenance provenance) {

    /**
     * The settlement (出院结算): fees charged against the deposit, the rest refunded through withdrawal
     * {@code withdrawalId} or left on the deposit, the shortfall billed as {@code billId}.
     */
    public record SettlementOutcome(Instant settledAt, long totalFeesFen, long depositFen, long chargedFen, long refundFen,
                             long leftOnDepositFen, long shortfallFen, String withdrawalId, String billId) {
    }

    /**
     * Who pushed or entered an admission, discharged and settled it.
     *
     * @param source       HIS or STAFF
     * @param externalNo   the hospital's admission number
     * @param recordedBy   {@code integration:<clientId>} or the staff member's token subject
     * @param dischargedBy likewise; null while not discharged
     * @param settledBy    likewise; null while not settled
     */
    public record AdmissionProvenance(String source, String externalNo, String recordedBy, String dischargedBy,
                             String settledBy) {
    }

    /** As the patient reads it: without who pushed or entered it. */
    public AdmissionDetail forPatient() {
        return new AdmissionDetail(admission, depositFen, remainingFen, lowDepositWarnings, settlement, null);
    }

    public String patientId() {
        return admission.patientId();
    }
}
