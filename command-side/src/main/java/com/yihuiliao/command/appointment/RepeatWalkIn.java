package com.yihuiliao.command.appointment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A counter registration arrived again under the same receipt: answered with a {@link WalkInBooked} if it
 * is the same patient on the same schedule, refused as IDEMPOTENCY_CONFLICT otherwise.
 */
public record RepeatWalkIn(@TargetAggregateIdentifier String appointmentId, String patientId, String scheduleId,
                           String receiptNo) implements Command {
}
