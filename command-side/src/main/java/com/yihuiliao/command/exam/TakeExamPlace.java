package com.yihuiliao.command.exam;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal to the booking's unit of work: the day takes a place for the booking (answers ExamPlaceTaken). */
public record TakeExamPlace(@TargetAggregateIdentifier String examDayId, String bookingId, String patientId)
        implements Command {
}
