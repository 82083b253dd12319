package com.yihuiliao.api.payment;

import java.time.Instant;

/** An open WeChat Pay order: what prepay needs. {@code expiresAt} is the appointment's hold expiry. */
public record WeChatOrder(String outTradeNo, String referenceId, String patientId, long amountFen,
                          Instant expiresAt) {
}
