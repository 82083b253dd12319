package com.yihuiliao.command.inpatient;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.inpatient.FeeLine;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The fee lines, with the inpatient deposit as the money flow found it in the same unit of work and the
 * threshold below which the patient is warned. Answers a {@code FeePosting}.
 */
public record RecordFees(@TargetAggregateIdentifier String admissionId, List<FeeLine> lines, long depositFen,
                         long lowDepositFen, String actor) implements Command {
}
