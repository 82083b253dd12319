package com.yihuiliao.command.topup;

import com.yihuiliao.api.Command;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A portion of a withdrawal goes back through this top-up's payment, as refund {@code outRefundNo};
 * {@code at} is when it is asked (WeChat Pay refunds a payment within 365 days).
 */
public record WithdrawFromTopUp(@TargetAggregateIdentifier String topUpId, String withdrawalId, String outRefundNo,
                                long amountFen, Instant at) implements Command {
}
