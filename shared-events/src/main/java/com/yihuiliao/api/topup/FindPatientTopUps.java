package com.yihuiliao.api.topup;

/** A patient's top-ups, newest first, answered as a list of {@link TopUpRecord}. */
public record FindPatientTopUps(String patientId) {
}
