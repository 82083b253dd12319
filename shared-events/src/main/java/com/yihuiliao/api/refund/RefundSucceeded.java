package com.yihuiliao.api.refund;

/**
 * The money reached the payer. {@code channelResult} is what the channel said, for people reading
 * the record: the WeChat Pay refund id and the account it went to, or the balance it was credited to.
 */
public record RefundSucceeded(String outRefundNo, String outTradeNo, long amountFen, String channelResult) {
}
