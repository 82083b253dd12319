package com.yihuiliao.api.medicalrecord;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Write the medical record of a visit: by the doctor of that appointment, or pushed by the HIS. Its id follows
 * from the visit (the appointment, or the HIS's visit number), so the same visit again with the same content
 * changes nothing; with other content it is refused (amend it instead).
 *
 * @param source        DOCTOR or HIS
 * @param externalNo    the appointment id (DOCTOR) or the HIS's visit number
 * @param appointmentId the appointment it records; null for the HIS's
 * @param fingerprint   a hash of the content as sent, which a repeat must match
 * @param actor         the doctor's token subject, or {@code integration:<clientId>}
 */
public record WriteMedicalRecord(@TargetAggregateIdentifier String recordId, String patientId, String source,
                                 String externalNo, String appointmentId, VisitRecord content, String fingerprint,
                                 String actor) implements Command {
}
