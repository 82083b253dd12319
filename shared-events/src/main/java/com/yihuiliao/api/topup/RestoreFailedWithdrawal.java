package com.yihuiliao.api.topup;

import com.yihuiliao.api.Command;

/**
 * A refund failed: if it was a withdrawal's portion, the amount goes back to the account and the
 * top-up's refundable amount is restored — once.
 */
public record RestoreFailedWithdrawal(String outRefundNo, String outTradeNo, long amountFen) implements Command {
}
