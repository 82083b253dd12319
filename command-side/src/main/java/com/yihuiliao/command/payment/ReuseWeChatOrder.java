package com.yihuiliao.command.payment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A retried request finds this WeChat order again: it must be the same order (channel, reference, amount),
 * else IDEMPOTENCY_CONFLICT, and still open, else PAYMENT_NOT_PAYABLE.
 */
public record ReuseWeChatOrder(@TargetAggregateIdentifier String outTradeNo, String referenceId, long amountFen) implements Command {
}
