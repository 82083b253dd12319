package com.yihuiliao.command.payment;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import java.time.Instant;

/** One order as the lookup knows it ({@link PaymentOrders}); {@code paidAt} is null until it is paid. */
public record PaymentOrder(String outTradeNo, PaymentPurpose purpose, String referenceId, String patientId,
                           long amountFen, PaymentChannel channel, PaymentStatus status, Instant createdAt,
                           Instant paidAt) {
}
