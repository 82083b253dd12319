package com.yihuiliao.command.exam;

import com.yihuiliao.api.Command;
import java.time.LocalDate;

/** Internal: staff open a package's exam day with its places (ExamDayController). */
public record OpenExamDay(String examDayId, String packageId, LocalDate date, int capacity) implements Command {
}
