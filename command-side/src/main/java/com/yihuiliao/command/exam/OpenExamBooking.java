package com.yihuiliao.command.exam;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.exam.ExamBooked;

/** Internal to the booking's unit of work: opens the booking with what it copies from package and centre. */
public record OpenExamBooking(ExamBooked booked) implements Command {
}
