package com.yihuiliao.api.report;

/** Where a report's PDF is stored; answered with a {@link ReportFile} or null. */
public record FindReportFile(String reportId) {
}
