package com.yihuiliao.api.payment;

import com.yihuiliao.api.Command;

/**
 * Refund part or all of a payment to the channel it was paid by. To the balance everything happens
 * in one unit of work (reserve on the payment, request the refund, credit the account, settle); to
 * WeChat Pay a refund is requested and applied for after the commit. Idempotent by {@code outRefundNo}.
 */
public record RefundPayment(String outTradeNo, String outRefundNo, long amountFen, String reason, String operator)
        implements Command {
}
