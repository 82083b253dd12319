package com.yihuiliao.command.appointment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The visit this appointment stands for, asked before its medical record is written: answered with a
 * {@link Visit}, or refused as NO_VISIT_TO_RECORD once it was cancelled or expired.
 */
public record DescribeVisit(@TargetAggregateIdentifier String appointmentId) implements Command {
}
