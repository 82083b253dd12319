package com.yihuiliao.api.bill;

import com.yihuiliao.api.Command;

/**
 * A WeChat payment of a bill succeeded: mark the bill paid, or — when it was already paid by another
 * payment or voided — refund that payment in full. Idempotent.
 */
public record SettleBillPayment(String billId, String outTradeNo) implements Command {
}
