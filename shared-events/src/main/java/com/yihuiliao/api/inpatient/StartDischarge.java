package com.yihuiliao.api.inpatient;

import com.yihuiliao.api.Command;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The patient is discharged (出院): the admission awaits its settlement, still taking the last fees. Repeatable. */
public record StartDischarge(@TargetAggregateIdentifier String admissionId, Instant dischargedAt, String actor)
        implements Command {
}
