package com.yihuiliao.api.topup;

import com.yihuiliao.api.account.AccountKind;
import java.time.Instant;

public record TopUpCredited(String topUpId, String outTradeNo, String patientId, AccountKind kind, long amountFen,
                            Instant paidAt, long balanceAfterFen) implements TopUpEvent {
}
