package com.yihuiliao.api.exam;

import com.yihuiliao.api.payment.PaymentChannel;

/** An exam booking was paid by this order; it no longer expires. */
public record ExamBookingPaid(String bookingId, String examDayId, String patientId, String outTradeNo,
                              PaymentChannel channel, long amountFen) implements ExamEvent {
}
