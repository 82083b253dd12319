package com.yihuiliao.api.medicalrecord;

import java.util.List;

/**
 * A medical record: its current version in full, and every version (newest first) with when and why.
 *
 * @param current  the latest version
 * @param versions each version's number, time and reason, newest first
 */
public record MedicalRecordDetail(String recordId, String patientId, MedicalRecordVersion current,
                                  List<VersionInfo> versions) {

    /** One version of a record, without its content (read it by number). */
    public record VersionInfo(int version, java.time.Instant recordedAt, String reason) {
    }
}
