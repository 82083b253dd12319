package com.yihuiliao.api.payment;

import com.yihuiliao.api.Command;

/**
 * WeChat Pay says a refund succeeded (its refund id, and the account the money went to in its own words): the
 * refund succeeds and its reservation on the payment is settled. Repeats are harmless.
 */
public record SettleWeChatRefund(String outTradeNo, String outRefundNo, String weChatRefundId, String receivedBy)
        implements Command {
}
