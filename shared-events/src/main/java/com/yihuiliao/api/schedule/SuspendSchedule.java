package com.yihuiliao.api.schedule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SuspendSchedule(@TargetAggregateIdentifier String scheduleId, String reason) {
}
