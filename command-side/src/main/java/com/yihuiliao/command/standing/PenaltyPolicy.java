package com.yihuiliao.command.standing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.standing.PenaltyRules;
import com.yihuiliao.api.standing.PenaltyRulesSet;
import com.yihuiliao.api.standing.SetPenaltyRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The hospital's penalty rules as a history of events; until the first change, {@link PenaltyRules#defaults()}. */
@Aggregate
public class PenaltyPolicy {

    @AggregateIdentifier
    private String policyId;
    private PenaltyRules rules;

    protected PenaltyPolicy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetPenaltyRules cmd) {
        if (cmd.rules() == null || !cmd.rules().isValid()) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_PENALTY_RULES);
        }
        if (!cmd.rules().equals(rules)) {
            apply(new PenaltyRulesSet(cmd.policyId(), cmd.rules()));
        }
    }

    @EventSourcingHandler
    void on(PenaltyRulesSet event) {
        policyId = event.policyId();
        rules = event.rules();
    }

    public PenaltyRules rules() {
        return rules;
    }
}
