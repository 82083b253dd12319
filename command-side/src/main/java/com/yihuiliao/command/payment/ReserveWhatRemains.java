package com.yihuiliao.command.payment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reserves all that is still refundable for one refund; a {@link RefundReservation} of 0 fen reserves nothing. */
public record ReserveWhatRemains(@TargetAggregateIdentifier String outTradeNo, String outRefundNo) implements Command {
}
