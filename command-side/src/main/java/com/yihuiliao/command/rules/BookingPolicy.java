package com.yihuiliao.command.rules;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.rules.BookingRules;
import com.yihuiliao.api.rules.BookingRulesSet;
import com.yihuiliao.api.rules.SetBookingRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The booking rules of one scope (the hospital, or one department), as a history of events. */
@Aggregate
public class BookingPolicy {

    @AggregateIdentifier
    private String scope;
    private BookingRules rules;

    protected BookingPolicy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetBookingRules cmd) {
        if (cmd.rules() == null || !cmd.rules().isValid()) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_RULES);
        }
        if (!cmd.rules().equals(rules)) {
            apply(new BookingRulesSet(cmd.scope(), cmd.rules()));
        }
    }

    @EventSourcingHandler
    void on(BookingRulesSet event) {
        scope = event.scope();
        rules = event.rules();
    }
}
