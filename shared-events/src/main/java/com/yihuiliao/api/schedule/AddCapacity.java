package com.yihuiliao.api.schedule;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddCapacity(@TargetAggregateIdentifier String scheduleId, int additional) implements Command {
}
