package com.yihuiliao.api.account;

/**
 * Why money moved: a type and the id of what caused it, e.g. {@code PAYMENT:<outTradeNo>},
 * {@code REFUND:<outRefundNo>}, {@code COUNTER_TOPUP:<receiptNo>}. A cause moves money once.
 */
public record MovementCause(String type, String referenceId) {

    public static final String PAYMENT = "PAYMENT";
    public static final String REFUND = "REFUND";
    public static final String COUNTER_TOPUP = "COUNTER_TOPUP";

    public static MovementCause payment(String outTradeNo) {
        return new MovementCause(PAYMENT, outTradeNo);
    }

    public static MovementCause refund(String outRefundNo) {
        return new MovementCause(REFUND, outRefundNo);
    }

    public static MovementCause counterTopUp(String receiptNo) {
        return new MovementCause(COUNTER_TOPUP, receiptNo);
    }

    public String key() {
        return type + ":" + referenceId;
    }
}
