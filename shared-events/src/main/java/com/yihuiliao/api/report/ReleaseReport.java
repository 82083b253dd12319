package com.yihuiliao.api.report;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Release a report to the patient (审核发布); releasing a released one changes nothing. */
public record ReleaseReport(@TargetAggregateIdentifier String reportId, String actor) implements Command {
}
