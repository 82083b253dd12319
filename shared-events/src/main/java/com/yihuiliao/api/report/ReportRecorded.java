package com.yihuiliao.api.report;

/** A report was recorded; patients see it only once it is released. Carries the patient's id, no personal data. */
public record ReportRecorded(String reportId, String patientId, ReportType type, String source, String externalNo,
                             ReportContent content, String fingerprint, String recordedBy) implements ReportEvent {
}
