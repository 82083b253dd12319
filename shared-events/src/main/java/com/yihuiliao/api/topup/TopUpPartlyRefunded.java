package com.yihuiliao.api.topup;

public record TopUpPartlyRefunded(String topUpId, String withdrawalId, String outRefundNo, long amountFen,
                                  long refundableAfterFen) implements TopUpEvent {
}
