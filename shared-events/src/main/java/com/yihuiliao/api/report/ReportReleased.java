package com.yihuiliao.api.report;

/** A report was released: its patient sees it from now on. */
public record ReportReleased(String reportId, String patientId, String releasedBy) implements ReportEvent {
}
