package com.yihuiliao.api.report;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.ListPage;

/**
 * Staff's list of reports, newest first: of one patient or all, one type or both, released or not or both;
 * answered with a {@link com.yihuiliao.api.ListPage} of {@link ReportSummary}.
 */
public record FindReports(String patientId, ReportType type, Boolean released, String cursor, int size)
        implements Query<ListPage<ReportSummary>> {
}
