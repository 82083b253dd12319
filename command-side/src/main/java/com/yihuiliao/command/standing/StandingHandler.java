package com.yihuiliao.command.standing;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.standing.OffenceKind;
import com.yihuiliao.api.standing.PenaltyRules;
import com.yihuiliao.api.standing.RecordOffence;
import com.yihuiliao.api.standing.SetPenaltyRules;
import com.yihuiliao.command.lookup.StoredAggregates;
import java.time.Duration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.NoArgumentConstructorCreationPolicyAggregateFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * An offence is weighed in one unit of work: the penalty rules in force are read from their policy (the defaults
 * until staff change them) and handed to the person's standing, opened by its first offence.
 */
@Component
class StandingHandler {

    private static final NoArgumentConstructorCreationPolicyAggregateFactory<PersonStanding> NEW_STANDING =
            new NoArgumentConstructorCreationPolicyAggregateFactory<>(PersonStanding.class);

    private final Repository<PersonStanding> standings;
    private final Repository<PenaltyPolicy> policies;
    private final StoredAggregates stored;

    StandingHandler(@Qualifier("personStandingRepository") Repository<PersonStanding> standings,
                    @Qualifier("penaltyPolicyRepository") Repository<PenaltyPolicy> policies, StoredAggregates stored) {
        this.standings = standings;
        this.policies = policies;
        this.stored = stored;
    }

    /** Answers whether it counted now; a cancellation counts only when late by the rules in force. */
    @CommandHandler
    public boolean handle(RecordOffence cmd) throws Exception {
        PenaltyRules rules = rulesInForce();
        if (cmd.kind() == OffenceKind.LATE_CANCELLATION && cmd.periodStartsAt() != null
                && cmd.occurredAt().isBefore(cmd.periodStartsAt().minus(Duration.ofHours(rules.lateCancellationHours())))) {
            return false;
        }
        Aggregate<PersonStanding> standing = standings.loadOrCreate(cmd.standingKey(),
                () -> NEW_STANDING.create(cmd.standingKey()));
        return (Boolean) standing.handle(asCommandMessage(new RecordOffenceUnderRules(cmd.standingKey(),
                cmd.patientId(), cmd.kind(), cmd.subjectId(), cmd.occurredAt(), rules)));
    }

    @CommandHandler
    public PenaltyRules handle(DescribePenaltyRules cmd) {
        return rulesInForce();
    }

    private PenaltyRules rulesInForce() {
        if (!stored.exists(SetPenaltyRules.POLICY)) {
            return PenaltyRules.defaults();
        }
        PenaltyRules rules = policies.load(SetPenaltyRules.POLICY).invoke(PenaltyPolicy::rules);
        return rules == null ? PenaltyRules.defaults() : rules;
    }
}
