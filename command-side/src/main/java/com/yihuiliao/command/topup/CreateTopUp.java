package com.yihuiliao.command.topup;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.account.AccountKind;
import java.time.Instant;

/** Opens a top-up of a patient's account; {@code outTradeNo} is its WeChat order, open until {@code expiresAt}. */
public record CreateTopUp(String topUpId, String outTradeNo, String patientId, AccountKind kind, long amountFen,
                          Instant expiresAt) implements Command {
}
