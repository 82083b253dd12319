package com.yihuiliao.api.report;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a report pushed by the LIS or PACS or entered by staff. Its id follows from the source and the
 * external report number, so the same number again changes nothing and answers the same report; the same number
 * with other content (another fingerprint) is refused. {@code release} releases it at once (审核发布).
 *
 * @param source      LIS, PACS or STAFF
 * @param fingerprint a hash of the content as sent, which a repeat must match
 * @param actor       who recorded it: {@code integration:<clientId>} or the staff token's subject
 */
public record RecordReport(@TargetAggregateIdentifier String reportId, String patientId, ReportType type,
                           String source, String externalNo, ReportContent content, String fingerprint,
                           boolean release, String actor) implements Command {
}
