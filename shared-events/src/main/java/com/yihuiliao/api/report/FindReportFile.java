package com.yihuiliao.api.report;

import com.yihuiliao.api.Query;

/** Where a report's PDF is stored; answered with a {@link ReportFile} or null. */
public record FindReportFile(String reportId) implements Query<ReportFile> {
}
