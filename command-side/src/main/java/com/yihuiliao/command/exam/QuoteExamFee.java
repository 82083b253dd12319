package com.yihuiliao.command.exam;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What paying this exam booking would take, asked by the money flows in their own unit of work: answered with
 * an {@link ExamFee}. Another patient's booking is refused as unknown.
 */
public record QuoteExamFee(@TargetAggregateIdentifier String bookingId, String patientId) implements Command {
}
