package com.yihuiliao.api.inpatient;

/** A fee line was posted to an admission; {@code totalFeesFen} is the admission's fees after it. */
public record AdmissionFeePosted(String admissionId, String patientId, FeeLine line, long totalFeesFen,
                                 String postedBy) implements InpatientEvent {
}
