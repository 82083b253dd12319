package com.yihuiliao.api.payment;

/** What a payment pays for: a registration fee (挂号费), a top-up, a bill (自助缴费) or a physical exam (体检费). */
public enum PaymentPurpose {
    REGISTRATION("RG"), TOPUP("TU"), BILL("BL"), EXAM("EX");

    private final String prefix;

    PaymentPurpose(String prefix) {
        this.prefix = prefix;
    }

    /** The first letters of this purpose's out_trade_no. */
    public String prefix() {
        return prefix;
    }
}
