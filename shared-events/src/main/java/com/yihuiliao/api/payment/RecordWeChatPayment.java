package com.yihuiliao.api.payment;

import com.yihuiliao.api.Command;

/**
 * WeChat Pay says the order was paid (a verified notification, or a query). Records the success once
 * per transaction and, for a registration fee, confirms the appointment — or, when the appointment can
 * no longer be confirmed, starts the late-payment refund.
 */
public record RecordWeChatPayment(String outTradeNo, String transactionId, long amountFen) implements Command {
}
