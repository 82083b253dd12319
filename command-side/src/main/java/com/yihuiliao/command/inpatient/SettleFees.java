package com.yihuiliao.command.inpatient;

import com.yihuiliao.api.Command;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Decide the settlement from the deposit and what of it the funding top-ups can take back, both as the money
 * flow found them in this unit of work. The withdrawal and bill ids follow from the admission; the decision
 * uses them only when something goes back or is billed. Answers the {@link SettlementTerms}.
 */
public record SettleFees(@TargetAggregateIdentifier String admissionId, long depositFen, long refundableFen,
                         String withdrawalId, String billId, Instant at, String actor) implements Command {
}
