package com.yihuiliao.api.topup;

import java.time.Instant;

public record TopUpPaid(String topUpId, String outTradeNo, String transactionId, long amountFen, Instant paidAt)
        implements TopUpEvent {
}
