package com.yihuiliao.api.refund;

/**
 * Why a refund was made, as a code: the words are the reader's ({@code api.billing.BillingWording}). What a
 * person typed (finance's reason, a patient's cancellation or refund request) travels beside it as the note.
 */
public enum RefundReason {
    /** Finance refunded (a payment, a bill line, an approved refund request); the note is the reason given. */
    STAFF_REFUND,
    /** A paid appointment was cancelled (by the patient or the hospital); the note is the cancellation's reason. */
    APPOINTMENT_CANCELLED,
    /** A registration paid after its hold had expired. */
    LATE_AFTER_EXPIRY,
    /** A registration paid after the appointment was cancelled. */
    LATE_AFTER_CANCELLATION,
    /** A registration paid twice: another payment had confirmed it. */
    LATE_ALREADY_PAID,
    /** A bill paid twice: another payment had paid it. */
    BILL_LATE_ALREADY_PAID,
    /** A bill paid after it was voided. */
    BILL_LATE_VOIDED,
    /** A top-up refunded as part of a balance withdrawal (余额退款). */
    WITHDRAWAL,
    /** Stored before reasons were codes, in words we do not recognise: the note is those words. */
    OTHER,
    /** A paid exam booking was cancelled (by the patient before the deadline, or by the hospital); the note is the reason given. */
    EXAM_CANCELLED,
    /**
     * What the inpatient deposit had left after the discharge settlement (出院结算) charged the stay's fees, refunded
     * to its top-ups. Settlements before this code are stored as {@link #WITHDRAWAL}, the path they take.
     */
    DISCHARGE_SETTLEMENT
}
