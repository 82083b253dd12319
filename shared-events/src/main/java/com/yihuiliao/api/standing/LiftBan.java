package com.yihuiliao.api.standing;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff end a ban before its time; {@code liftedBy} is the staff account, {@code reason} their words. */
public record LiftBan(@TargetAggregateIdentifier String standingKey, String banId, String liftedBy, String reason)
        implements Command {
}
