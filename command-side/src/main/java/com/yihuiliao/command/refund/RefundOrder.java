package com.yihuiliao.command.refund;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.refund.RefundStatus;
import java.time.Instant;

/**
 * One refund as the {@code refund_order} lookup knows it ({@link RefundOrders}); {@code failure} is the
 * {@code RefundFailure} code of a failed one, {@code finishedAt} null while it is under way.
 */
public record RefundOrder(String outRefundNo, String outTradeNo, long amountFen, PaymentChannel channel,
                          RefundStatus status, String failure, Instant requestedAt, Instant finishedAt) {
}
