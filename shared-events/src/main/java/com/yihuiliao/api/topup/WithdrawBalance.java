package com.yihuiliao.api.topup;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.patient.ActsForPatient;

/**
 * 余额退款: debit the account and refund the amount to WeChat Pay through the patient's top-ups of that
 * kind, newest first. The same withdrawal id again (a retried request) answers the first withdrawal.
 * Answers a {@link WithdrawalResult}.
 */
public record WithdrawBalance(String withdrawalId, String patientId, AccountKind kind, long amountFen,
                              String accountId) implements ActsForPatient, Command {
}
