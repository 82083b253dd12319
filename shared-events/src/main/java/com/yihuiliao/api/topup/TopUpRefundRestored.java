package com.yihuiliao.api.topup;

public record TopUpRefundRestored(String topUpId, String outRefundNo, long amountFen, long refundableAfterFen)
        implements TopUpEvent {
}
