package com.yihuiliao.api.schedule;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeBookingWindow(@TargetAggregateIdentifier String scheduleId, BookingWindow window)
        implements Command {
}
