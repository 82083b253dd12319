package com.yihuiliao.api.payment;

/** What a payment pays for: a registration fee (挂号费), a top-up, or a bill (自助缴费). */
public enum PaymentPurpose {
    REGISTRATION("RG"), TOPUP("TU"), BILL("BL");

    private final String prefix;

    PaymentPurpose(String prefix) {
        this.prefix = prefix;
    }

    /** The first letters of this purpose's out_trade_no. */
    public String prefix() {
        return prefix;
    }
}
