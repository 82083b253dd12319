package com.yihuiliao.api.standing;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** policyId is {@link #POLICY}: the hospital's one set of penalty rules. */
public record SetPenaltyRules(@TargetAggregateIdentifier String policyId, PenaltyRules rules) implements Command {
    public static final String POLICY = "PENALTY";
}
