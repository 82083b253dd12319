package com.yihuiliao.command.inpatient;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What a flow must know of an admission before it touches money: answered with {@link AdmissionFacts}. */
public record QuoteAdmission(@TargetAggregateIdentifier String admissionId) implements Command {
}
