package com.yihuiliao.api.inpatient;

import java.time.Instant;

/** The patient was discharged (出院); the admission awaits settlement. */
public record DischargeStarted(String admissionId, String patientId, Instant dischargedAt, String dischargedBy)
        implements InpatientEvent {
}
