package com.yihuiliao.api.medicalrecord;

/** A diagnosis: its ICD-10 code (e.g. J06.9) and name (e.g. 急性上呼吸道感染). */
public record Diagnosis(String icd10Code, String name) {
}
