package com.yihuiliao.api.inpatient;

import com.yihuiliao.api.Command;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Post fee lines to an admission; each line number posts once (the same line again changes nothing, with
 * other content it is refused, and so is the whole batch). Answered with {@link FeePosting}.
 */
public record RecordAdmissionFees(@TargetAggregateIdentifier String admissionId, List<FeeLine> lines, String actor)
        implements Command {
}
