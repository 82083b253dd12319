package com.yihuiliao.api.report;

/** A report's content was corrected; {@code version} counts from 1 (as recorded), so the first amendment is 2. */
public record ReportAmended(String reportId, String patientId, int version, ReportContent content, String reason,
                            String amendedBy) implements ReportEvent {
}
