package com.yihuiliao.api.schedule;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A scheduler edits a schedule: its fee and/or its capacity (null leaves it as it is). Capacity
 * up adds slots ({@link CapacityAdded}); down removes free ones ({@link CapacityReduced}), never
 * below the slots held. Answers {@link EditedSchedule}.
 */
public record EditSchedule(@TargetAggregateIdentifier String scheduleId, Long feeFen, Integer capacity)
        implements Command {
}
