package com.yihuiliao.api.report;

import com.yihuiliao.api.Query;

/** One report, released or not (the caller decides who may see it); answered with a {@link ReportDetail} or null. */
public record FindReport(String reportId) implements Query<ReportDetail> {
}
