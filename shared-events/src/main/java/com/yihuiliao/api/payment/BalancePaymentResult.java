package com.yihuiliao.api.payment;

/** A payment from the outpatient balance: what it paid for, the amount and the balance after it. */
public record BalancePaymentResult(String outTradeNo, String referenceId, long amountFen, long balanceAfterFen) {
}
