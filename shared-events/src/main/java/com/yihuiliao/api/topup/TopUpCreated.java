package com.yihuiliao.api.topup;

import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.payment.PaymentChannel;
import java.time.Instant;

public record TopUpCreated(String topUpId, String outTradeNo, String patientId, AccountKind kind, long amountFen,
                           PaymentChannel channel, Instant expiresAt) implements TopUpEvent {
}
