package com.yihuiliao.command.exam;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A booking's place goes back to its day (ExamProcess, once the booking expired); a repeat changes nothing. */
public record ReleaseExamPlace(@TargetAggregateIdentifier String examDayId, String bookingId) implements Command {
}
