package com.yihuiliao.api.appointment;

import com.yihuiliao.api.billing.PaymentRecordStatus;
import com.yihuiliao.api.payment.PaymentChannel;
import java.time.Instant;

/** A registration-fee payment (order) of an appointment, from the billing records. */
public record AppointmentPayment(String outTradeNo, PaymentChannel channel, PaymentRecordStatus status, long amountFen,
                                 long refundedFen, Instant createdAt, Instant paidAt) {
}
