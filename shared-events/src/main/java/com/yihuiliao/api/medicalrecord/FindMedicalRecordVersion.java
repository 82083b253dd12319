package com.yihuiliao.api.medicalrecord;

/** One version of a medical record; answered with a {@link MedicalRecordVersion} or null. */
public record FindMedicalRecordVersion(String recordId, int version) {
}
