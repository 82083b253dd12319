package com.yihuiliao.api.schedule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddCapacity(@TargetAggregateIdentifier String scheduleId, int additional) {
}
