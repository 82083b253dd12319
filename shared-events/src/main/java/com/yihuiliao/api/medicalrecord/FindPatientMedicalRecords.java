package com.yihuiliao.api.medicalrecord;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.ListPage;
import java.time.LocalDate;

/**
 * A patient's medical records, newest visit first, visited from {@code from} to {@code to} (inclusive; null: no
 * bound); answered with a {@link com.yihuiliao.api.ListPage} of {@link MedicalRecordSummary}.
 */
public record FindPatientMedicalRecords(String patientId, LocalDate from, LocalDate to, String cursor, int size)
        implements Query<ListPage<MedicalRecordSummary>> {
}
