package com.yihuiliao.command.exam;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: staff change an open exam day's places, never below those taken. */
public record ChangeExamDayCapacity(@TargetAggregateIdentifier String examDayId, int capacity) implements Command {
}
