package com.yihuiliao.api.medicalrecord;

import java.time.LocalDate;

/**
 * A medical record in a list.
 *
 * @param diagnosis the first diagnosis' name
 * @param version   1 as written, one more per amendment
 */
public record MedicalRecordSummary(String recordId, String patientId, LocalDate visitDate, String departmentName,
                                   String doctorName, String diagnosis, int version) {
}
