package com.yihuiliao.api.payment;

/**
 * WeChat Pay says a refund will not happen (refund CLOSED, or refused for good): the refund fails
 * with the reason and its reservation on the payment is released, so the amount is refundable
 * again. Repeats are harmless.
 */
public record FailWeChatRefund(String outTradeNo, String outRefundNo, String reason) {
}
