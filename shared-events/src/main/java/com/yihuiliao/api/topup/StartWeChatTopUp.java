package com.yihuiliao.api.topup;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.patient.ActsForPatient;

/**
 * Creates a top-up of one of the caller's patients and opens its WeChat Pay order, in one unit of work.
 * The same top-up id again (a retried request) answers the same open order. Answers a {@link TopUpOrder}.
 */
public record StartWeChatTopUp(String topUpId, String patientId, AccountKind kind, long amountFen,
                               String accountId) implements ActsForPatient, Command {
}
