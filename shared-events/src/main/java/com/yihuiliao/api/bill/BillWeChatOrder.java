package com.yihuiliao.api.bill;

import java.time.Instant;

public record BillWeChatOrder(String outTradeNo, String billId, String patientId, long amountFen,
                              Instant expiresAt) {
}
