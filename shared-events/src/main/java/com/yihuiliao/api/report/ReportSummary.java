package com.yihuiliao.api.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report in a list.
 *
 * @param reportDate    the Shanghai date it was reported on
 * @param abnormalItems how many of its results are flagged ↑ or ↓
 * @param hasPdf        whether it has a PDF to download
 * @param released      whether its patient sees it (patients' lists hold released ones only)
 * @param version       1 as recorded, one more per amendment
 */
public record ReportSummary(String reportId, String patientId, ReportType type, String title, Instant reportedAt,
                            LocalDate reportDate, int abnormalItems, boolean hasPdf, boolean released, int version) {
}
