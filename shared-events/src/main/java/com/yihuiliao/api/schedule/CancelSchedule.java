package com.yihuiliao.api.schedule;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a schedule nobody booked; one with bookings is suspended (停诊) instead. */
public record CancelSchedule(@TargetAggregateIdentifier String scheduleId, String reason) implements Command {
}
