package com.yihuiliao.command.topup;

import com.yihuiliao.api.Command;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What a withdrawal at {@code at} may take back through this top-up ({@link TopUpMoney}, 0 outside the window). */
public record QuoteRefundable(@TargetAggregateIdentifier String topUpId, Instant at) implements Command {
}
