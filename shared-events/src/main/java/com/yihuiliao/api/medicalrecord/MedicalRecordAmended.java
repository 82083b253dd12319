package com.yihuiliao.api.medicalrecord;

/** A medical record was amended: {@code version} 2 for the first amendment; earlier versions stay readable. */
public record MedicalRecordAmended(String recordId, String patientId, int version, VisitRecord content, String reason,
                                   String amendedBy) implements MedicalRecordEvent {
}
