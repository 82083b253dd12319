package com.yihuiliao.api.medicalrecord;

import java.time.Instant;

/**
 * One version of a medical record in full.
 *
 * @param recordedAt when this version was written
 * @param reason     why it was amended; null for version 1
 */
public record MedicalRecordVersion(String recordId, String patientId, int version, VisitRecord content,
                                   Instant recordedAt, String reason) {
}
