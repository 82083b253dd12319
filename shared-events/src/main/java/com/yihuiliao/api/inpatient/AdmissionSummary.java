package com.yihuiliao.api.inpatient;

import java.time.Instant;
import java.time.LocalDate;

/** An admission in a list: where and since when, its status and fees so far. */
public record AdmissionSummary(String admissionId, String patientId, String ward, String bed, Instant admittedAt,
                               LocalDate admittedDate, String attendingDoctor, AdmissionStatus status,
                               Instant dischargedAt, long totalFeesFen, int feeLines) {
}
