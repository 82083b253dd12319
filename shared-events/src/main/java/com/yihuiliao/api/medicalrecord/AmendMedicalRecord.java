package com.yihuiliao.api.medicalrecord;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Amend a medical record: the corrected record in full and why; the earlier versions stay.
 *
 * @param doctorId the amending doctor's own doctor id (only the visit's doctor may), or null for the HIS
 * @param source   DOCTOR or HIS: the HIS amends what it pushed
 */
public record AmendMedicalRecord(@TargetAggregateIdentifier String recordId, VisitRecord content, String reason,
                                 String source, String doctorId, String actor) implements Command {
}
