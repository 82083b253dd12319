package com.yihuiliao.command.inpatient;

import com.yihuiliao.api.inpatient.AdmissionStatus;

/** An admission's patient, status and fees so far, as its flows need them. */
public record AdmissionFacts(String admissionId, String patientId, AdmissionStatus status, long totalFeesFen) {
}
