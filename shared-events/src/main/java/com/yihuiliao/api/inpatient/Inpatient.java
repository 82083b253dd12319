package com.yihuiliao.api.inpatient;

/**
 * One of an account's patients with admissions: the patient's name and masked ID number (as the account's own patient
 * records have them; null once erased), how many admissions, and the latest.
 */
public record Inpatient(String patientId, String realName, String idNumberMasked, int admissions,
                        AdmissionSummary latest) {
}
