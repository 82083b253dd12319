package com.yihuiliao.api.queue;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A passed patient came back: they wait again by {@code rule} ({@code after}: the N of {@link QueueRejoinRule#AFTER_NEXT_N}).
 * A repeat while they wait changes nothing. {@code doctorId}: as in {@link CallNextPatient}.
 */
public record RejoinPatient(@TargetAggregateIdentifier String queueId, String appointmentId, String doctorId,
                            QueueRejoinRule rule, int after) implements Command {
}
