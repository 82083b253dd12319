package com.yihuiliao.api.report;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a report's content with a corrected one, saying why; the report keeps its release state. */
public record AmendReport(@TargetAggregateIdentifier String reportId, ReportContent content, String reason,
                          String actor) implements Command {
}
