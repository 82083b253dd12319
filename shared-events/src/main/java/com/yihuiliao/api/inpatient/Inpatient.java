package com.yihuiliao.api.inpatient;

/** One of an account's patients with admissions: how many, and the latest. */
public record Inpatient(String patientId, int admissions, AdmissionSummary latest) {
}
