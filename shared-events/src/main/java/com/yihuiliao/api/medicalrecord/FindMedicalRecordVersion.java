package com.yihuiliao.api.medicalrecord;

import com.yihuiliao.api.Query;

/** One version of a medical record; answered with a {@link MedicalRecordVersion} or null. */
public record FindMedicalRecordVersion(String recordId, int version) implements Query<MedicalRecordVersion> {
}
