package com.yihuiliao.command.payment;

import com.yihuiliao.api.payment.PaymentChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What we know of our orders without taking (or replaying) a Payment: the {@code payment_order} lookup,
 * written in each order's own transaction ({@link PaymentOrderLookup}). Facts for routing and documents
 * (who, what for, how much, which channel, when); the Payment aggregate still decides every change.
 */
public interface PaymentOrders {

    /** The order, or empty for a number that is no order of ours (malformed ones included). */
    Optional<PaymentOrder> find(String outTradeNo);

    /** The orders of a channel paid in [from, to), by when we recorded the payment (the reconciliation's day). */
    List<PaymentOrder> paidBetween(PaymentChannel channel, Instant from, Instant to);
}
