package com.yihuiliao.command.topup;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The refund of a withdrawn portion failed: the portion is refundable again (once). */
public record RestoreTopUpRefund(@TargetAggregateIdentifier String topUpId, String outRefundNo) implements Command {
}
