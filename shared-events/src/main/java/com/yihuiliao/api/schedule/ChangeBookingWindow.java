package com.yihuiliao.api.schedule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeBookingWindow(@TargetAggregateIdentifier String scheduleId, BookingWindow window) {
}
