package com.yihuiliao.api.topup;

import com.yihuiliao.api.Command;

/** The top-up's order was paid: in one unit of work the top-up is paid and credited, and its account credited. */
public record CreditPaidTopUp(String topUpId, String outTradeNo, String transactionId, long amountFen)
        implements Command {
}
