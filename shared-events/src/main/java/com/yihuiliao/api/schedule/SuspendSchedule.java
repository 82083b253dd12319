package com.yihuiliao.api.schedule;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SuspendSchedule(@TargetAggregateIdentifier String scheduleId, String reason) implements Command {
}
