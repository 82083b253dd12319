package com.yihuiliao.command.standing;

import com.yihuiliao.api.Command;

/** Internal: answers the penalty rules in force ({@link com.yihuiliao.api.standing.PenaltyRules}). */
public record DescribePenaltyRules() implements Command {
}
