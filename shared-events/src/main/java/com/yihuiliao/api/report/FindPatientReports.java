package com.yihuiliao.api.report;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.ListPage;
import java.time.Instant;

/**
 * A patient's released reports, newest first: of one type or both, reported from {@code from} (inclusive) to
 * {@code to} (exclusive); answered with a {@link com.yihuiliao.api.ListPage} of {@link ReportSummary}.
 */
public record FindPatientReports(String patientId, ReportType type, Instant from, Instant to, String cursor,
                                 int size) implements Query<ListPage<ReportSummary>> {
}
