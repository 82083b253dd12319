package com.yihuiliao.api.report;

/** One report, released or not (the caller decides who may see it); answered with a {@link ReportDetail} or null. */
public record FindReport(String reportId) {
}
