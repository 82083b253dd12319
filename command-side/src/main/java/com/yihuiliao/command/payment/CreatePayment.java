package com.yihuiliao.command.payment;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;

import com.yihuiliao.api.Command;

/** Opens an order; {@code outTradeNo} is ours: 6–32 characters of [A-Za-z0-9_-]. */
public record CreatePayment(String outTradeNo, PaymentPurpose purpose, String referenceId, String patientId,
                            long amountFen, PaymentChannel channel) implements Command {
}
