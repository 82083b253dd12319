package com.yihuiliao.api.payment;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.refund.RefundFailure;

/**
 * WeChat Pay says a refund will not happen (refund CLOSED, or refused for good): the refund fails
 * with the reason and its reservation on the payment is released, so the amount is refundable
 * again. {@code detail} is WeChat Pay's error code of a refusal. Repeats are harmless.
 */
public record FailWeChatRefund(String outTradeNo, String outRefundNo, RefundFailure reason, String detail)
        implements Command {
}
