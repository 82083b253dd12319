package com.yihuiliao.command.inpatient;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The settlement decided before, or null while the admission is not settled. */
public record DescribeSettlement(@TargetAggregateIdentifier String admissionId) implements Command {
}
