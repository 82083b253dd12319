package com.yihuiliao.api.inpatient;

import java.time.Instant;

/** A patient was admitted (入院). The patient's id only; no personal data. */
public record PatientAdmitted(String admissionId, String patientId, String source, String externalNo, String ward,
                              String bed, Instant admittedAt, String attendingDoctor, String fingerprint,
                              String recordedBy) implements InpatientEvent {
}
