package com.yihuiliao.api.account;

/**
 * Why money moved: a type and the id of what caused it, e.g. {@code PAYMENT:<outTradeNo>},
 * {@code REFUND:<outRefundNo>}, {@code COUNTER_TOPUP:<receiptNo>}, {@code TOPUP:<topUpId>},
 * {@code WITHDRAWAL:<withdrawalId>}, {@code REFUND_FAILED:<outRefundNo>}. A cause moves money once.
 */
public record MovementCause(String type, String referenceId) {

    public static final String PAYMENT = "PAYMENT";
    public static final String REFUND = "REFUND";
    public static final String COUNTER_TOPUP = "COUNTER_TOPUP";
    /** A top-up paid online, by its top-up id. */
    public static final String TOPUP = "TOPUP";
    /** Money withdrawn to WeChat Pay (余额退款), by its withdrawal id. */
    public static final String WITHDRAWAL = "WITHDRAWAL";
    /** A withdrawal's refund that failed, by its out_refund_no: the money comes back. */
    public static final String REFUND_FAILED = "REFUND_FAILED";
    /** An admission's fees charged against the inpatient deposit at its settlement (出院结算), by admission id. */
    public static final String INPATIENT_SETTLEMENT = "INPATIENT_SETTLEMENT";

    public static MovementCause payment(String outTradeNo) {
        return new MovementCause(PAYMENT, outTradeNo);
    }

    public static MovementCause refund(String outRefundNo) {
        return new MovementCause(REFUND, outRefundNo);
    }

    public static MovementCause counterTopUp(String receiptNo) {
        return new MovementCause(COUNTER_TOPUP, receiptNo);
    }

    public static MovementCause topUp(String topUpId) {
        return new MovementCause(TOPUP, topUpId);
    }

    public static MovementCause withdrawal(String withdrawalId) {
        return new MovementCause(WITHDRAWAL, withdrawalId);
    }

    public static MovementCause refundFailed(String outRefundNo) {
        return new MovementCause(REFUND_FAILED, outRefundNo);
    }

    public static MovementCause inpatientSettlement(String admissionId) {
        return new MovementCause(INPATIENT_SETTLEMENT, admissionId);
    }

    public String key() {
        return type + ":" + referenceId;
    }
}
