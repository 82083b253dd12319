package com.yihuiliao.api.queue;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 过号: the called patient did not come; a repeat changes nothing. {@code doctorId}: as in {@link CallNextPatient}. */
public record PassPatient(@TargetAggregateIdentifier String queueId, String appointmentId, String doctorId)
        implements Command {
}
