package com.yihuiliao.api.payment;

/**
 * Staff refund part or all of a payment. For the balance channel everything happens in one
 * unit of work: reserve on the payment, request the refund, credit the account, record the
 * refund's success and settle the reservation. Idempotent by {@code outRefundNo}.
 */
public record RefundBalancePayment(String outTradeNo, String outRefundNo, long amountFen, String reason,
                                   String operator) {
}
