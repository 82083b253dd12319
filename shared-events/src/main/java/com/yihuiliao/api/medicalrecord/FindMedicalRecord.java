package com.yihuiliao.api.medicalrecord;

/** One medical record; answered with a {@link MedicalRecordDetail} or null. */
public record FindMedicalRecord(String recordId) {
}
