package com.yihuiliao.api.payment;

public record BalancePaymentResult(String outTradeNo, String referenceId, long amountFen, long balanceAfterFen) {
}
