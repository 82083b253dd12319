package com.yihuiliao.api.topup;

import com.yihuiliao.api.account.AccountKind;
import java.time.Instant;

/** A top-up's open WeChat order: what prepay needs. */
public record TopUpOrder(String topUpId, String outTradeNo, String patientId, AccountKind kind, long amountFen,
                         Instant expiresAt) {
}
