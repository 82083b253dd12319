package com.yihuiliao.api.medicalrecord;

/** A visit's medical record was written (version 1). Carries the patient's id, no personal data of theirs. */
public record MedicalRecordWritten(String recordId, String patientId, String source, String externalNo,
                                   String appointmentId, VisitRecord content, String fingerprint, String writtenBy)
        implements MedicalRecordEvent {
}
