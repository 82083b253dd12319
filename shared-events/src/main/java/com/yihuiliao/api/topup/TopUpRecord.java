package com.yihuiliao.api.topup;

import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.payment.PaymentChannel;
import java.time.Instant;

/** One top-up as the records show it; {@code refundedFen} is what withdrawals took back from it so far. */
public record TopUpRecord(String topUpId, String outTradeNo, String patientId, AccountKind kind, PaymentChannel channel,
                          long amountFen, TopUpStatus status, long refundedFen, Instant createdAt, Instant paidAt,
                          Instant creditedAt) {
}
