package com.yihuiliao.command.exam;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal to a cancellation's unit of work (the money room's): the booking ends, or says why not. Answers the
 * order that paid it (to be refunded), or null when none did; a repeat answers the same.
 *
 * @param patientId  the patient cancelling (another patient's booking is unknown); null when the hospital cancels
 * @param byHospital staff cancel for the patient: no deadline
 */
public record CancelExam(@TargetAggregateIdentifier String bookingId, String patientId, boolean byHospital,
                         String reason) implements Command {
}
