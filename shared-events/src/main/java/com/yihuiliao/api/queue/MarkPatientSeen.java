package com.yihuiliao.api.queue;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The called patient was seen; a repeat changes nothing. {@code doctorId}: as in {@link CallNextPatient}. */
public record MarkPatientSeen(@TargetAggregateIdentifier String queueId, String appointmentId, String doctorId)
        implements Command {
}
