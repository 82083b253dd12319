package com.yihuiliao.api.inpatient;

import com.yihuiliao.api.Command;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record an admission (入院) pushed by the HIS or entered by staff. Its id follows from the source and the
 * admission number, so the same number again changes nothing; with other content it is refused.
 *
 * @param source      HIS or STAFF
 * @param fingerprint a hash of the content as sent, which a repeat must match
 * @param actor       who recorded it: {@code integration:<clientId>} or the staff token's subject
 */
public record RecordAdmission(@TargetAggregateIdentifier String admissionId, String patientId, String source,
                              String externalNo, String ward, String bed, Instant admittedAt,
                              String attendingDoctor, String fingerprint, String actor) implements Command {
}
