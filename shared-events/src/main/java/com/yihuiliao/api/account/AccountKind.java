package com.yihuiliao.api.account;

/** A patient's accounts: the outpatient balance (门诊余额) and the inpatient deposit (住院押金). */
public enum AccountKind {
    OUTPATIENT, INPATIENT;

    /** The account's aggregate id: {@code patientId + ":" + kind}. */
    public String accountOf(String patientId) {
        return patientId + ":" + name();
    }
}
