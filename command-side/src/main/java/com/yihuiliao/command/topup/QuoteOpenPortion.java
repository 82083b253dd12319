package com.yihuiliao.command.topup;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What a withdrawal took from this top-up as this refund, not restored since ({@link TopUpMoney}, 0 if none). */
public record QuoteOpenPortion(@TargetAggregateIdentifier String topUpId, String outRefundNo) implements Command {
}
