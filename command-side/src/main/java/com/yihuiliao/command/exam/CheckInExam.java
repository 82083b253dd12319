package com.yihuiliao.command.exam;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Inside {@link ExamBookingHandler}'s unit of work, to a booking it found: check the patient in at the desk. */
public record CheckInExam(@TargetAggregateIdentifier String bookingId, String operator) implements Command {
}
