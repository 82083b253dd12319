package com.yihuiliao.command.topup;

import com.yihuiliao.api.account.AccountKind;

/**
 * A top-up's answer about money: whose account, which kind, how much, and the order it was paid by.
 * The amount is what the question asked for (owed credit, refundable now, an open portion).
 */
public record TopUpMoney(String patientId, AccountKind kind, String outTradeNo, long amountFen) {
}
