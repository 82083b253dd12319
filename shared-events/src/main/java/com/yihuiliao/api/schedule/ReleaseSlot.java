package com.yihuiliao.api.schedule;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a held slot back; a no-op when the appointment holds none (releases repeat). */
public record ReleaseSlot(@TargetAggregateIdentifier String scheduleId, String appointmentId, ReleaseReason reason)
        implements Command {
}
