package com.yihuiliao.api.schedule;

import com.yihuiliao.api.Command;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PublishSchedule(@TargetAggregateIdentifier String scheduleId, String doctorId, String departmentId,
                              LocalDate date, Period period, int capacity, long feeFen, BookingWindow window)
        implements Command {
}
