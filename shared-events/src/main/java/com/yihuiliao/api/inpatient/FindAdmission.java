package com.yihuiliao.api.inpatient;

import com.yihuiliao.api.Query;

/** One admission in full; null when there is none. */
public record FindAdmission(String admissionId) implements Query<AdmissionDetail> {
}
