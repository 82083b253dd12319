package com.yihuiliao.api.payment;

/** WeChat Pay says a refund succeeded: the refund succeeds and its reservation on the payment is settled. Repeats are harmless. */
public record SettleWeChatRefund(String outTradeNo, String outRefundNo, String channelResult) {
}
