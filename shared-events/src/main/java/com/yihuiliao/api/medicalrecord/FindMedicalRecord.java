package com.yihuiliao.api.medicalrecord;

import com.yihuiliao.api.Query;

/** One medical record; answered with a {@link MedicalRecordDetail} or null. */
public record FindMedicalRecord(String recordId) implements Query<MedicalRecordDetail> {
}
