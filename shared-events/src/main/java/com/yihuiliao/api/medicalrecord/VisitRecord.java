package com.yihuiliao.api.medicalrecord;

import java.time.LocalDate;
import java.util.List;

/**
 * What a medical record (病历) of one visit says.
 *
 * @param visitDate      the Shanghai date of the visit
 * @param departmentId   our department's id; null when the HIS names one we do not list
 * @param departmentName the department as shown
 * @param doctorId       our doctor's id; null likewise
 * @param doctorName     the doctor as shown
 * @param chiefComplaint 主诉
 * @param presentIllness 现病史; null when none
 * @param diagnoses      诊断, at least one
 * @param advice         医嘱 / 处理意见; null when none
 * @param prescriptions  处方; may be empty
 */
public record VisitRecord(LocalDate visitDate, String departmentId, String departmentName, String doctorId,
                          String doctorName, String chiefComplaint, String presentIllness, List<Diagnosis> diagnoses,
                          String advice, List<Prescription> prescriptions) {

    public VisitRecord {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        prescriptions = prescriptions == null ? List.of() : List.copyOf(prescriptions);
    }
}
