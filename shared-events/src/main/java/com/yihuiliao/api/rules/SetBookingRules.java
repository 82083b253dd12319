package com.yihuiliao.api.rules;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** scope is {@link BookingRules#HOSPITAL} or a department id; a department's rules override the hospital's. */
public record SetBookingRules(@TargetAggregateIdentifier String scope, BookingRules rules) implements Command {
}
