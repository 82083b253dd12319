package com.yihuiliao.api.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A report in full.
 *
 * @param items      its results, in the order reported, each flag with its arrow
 * @param releasedAt when it was released; null while it is not
 * @param provenance who pushed or entered it (staff only; null in patients' answers)
 */
public record ReportDetail(String reportId, String patientId, ReportType type, String title, Instant reportedAt,
                           LocalDate reportDate, List<Result> items, String findings, String conclusion,
                           boolean hasPdf, boolean released, Instant releasedAt, int version,
                           Provenance provenance) {

    /** One result as shown: {@code flagSymbol} is ↑, ↓ or null. */
    public record Result(String name, String value, String unit, String referenceRange, AbnormalFlag flag,
                         String flagSymbol) {
    }

    /**
     * Who pushed or entered a report, released it and last amended it.
     *
     * @param source     LIS, PACS or STAFF
     * @param externalNo the source's report number
     * @param recordedBy {@code integration:<clientId>} or the staff member's token subject
     * @param releasedBy likewise; null while not released
     * @param amendedBy  who made the last amendment; null when none
     * @param amendReason why, as they wrote it; null when none
     */
    public record Provenance(String source, String externalNo, String recordedBy, String releasedBy,
                             String amendedBy, String amendReason) {
    }

    /** As the patient reads it: without who pushed or entered it. */
    public ReportDetail forPatient() {
        return new ReportDetail(reportId, patientId, type, title, reportedAt, reportDate, items, findings, conclusion,
                hasPdf, released, releasedAt, version, null);
    }
}
