package com.yihuiliao.api.report;

/** A report's PDF: null {@code objectKey} when it has none. */
public record ReportFile(String reportId, String patientId, boolean released, String objectKey) {
}
