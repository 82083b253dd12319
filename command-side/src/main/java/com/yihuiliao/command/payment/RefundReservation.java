package com.yihuiliao.command.payment;

import com.yihuiliao.api.payment.PaymentChannel;

/** The payment's answer to a reservation: the channel the money goes back by, whose it is, and how much. */
public record RefundReservation(PaymentChannel channel, String patientId, long amountFen) {
}
