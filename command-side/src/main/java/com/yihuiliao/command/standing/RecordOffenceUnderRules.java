package com.yihuiliao.command.standing;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.standing.OffenceKind;
import com.yihuiliao.api.standing.PenaltyRules;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal to {@link StandingHandler}: the offence with the penalty rules in force, which the person's standing weighs. */
public record RecordOffenceUnderRules(@TargetAggregateIdentifier String standingKey, String patientId, OffenceKind kind,
                                      String subjectId, Instant occurredAt, PenaltyRules rules) implements Command {
}
