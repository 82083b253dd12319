package com.yihuiliao.api.medicalrecord;

import java.time.Instant;
import java.util.List;

/**
 * A medical record: its current version in full, and every version (newest first) with when and why.
 *
 * @param current    the latest version
 * @param versions   each version's number, time and reason, newest first
 * @param provenance where it came from (staff only; null in patients' answers)
 */
public record MedicalRecordDetail(String recordId, String patientId, MedicalRecordVersion current,
                                  List<VersionInfo> versions, Provenance provenance) {

    /**
     * One version of a record, without its content (read it by number).
     *
     * @param recordedBy who wrote it: the doctor's token subject or {@code integration:<clientId>} (staff only)
     */
    public record VersionInfo(int version, Instant recordedAt, String reason, String recordedBy) {
    }

    /**
     * Where a record came from.
     *
     * @param source     DOCTOR or HIS
     * @param externalNo the appointment id (DOCTOR) or the HIS's visit number
     */
    public record Provenance(String source, String externalNo) {
    }

    /** As the patient reads it: without who wrote each version or where it came from. */
    public MedicalRecordDetail forPatient() {
        return new MedicalRecordDetail(recordId, patientId, current, versions.stream()
                .map(v -> new VersionInfo(v.version(), v.recordedAt(), v.reason(), null)).toList(), null);
    }
}
