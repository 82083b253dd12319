package com.yihuiliao.command.topup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What a withdrawal took from this top-up as this refund, not restored since ({@link TopUpMoney}, 0 if none). */
public record OpenPortion(@TargetAggregateIdentifier String topUpId, String outRefundNo) {
}
