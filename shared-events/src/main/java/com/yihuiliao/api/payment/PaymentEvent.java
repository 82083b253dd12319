package com.yihuiliao.api.payment;

import com.yihuiliao.api.Event;

/** The payment feature's events, all of them. */
public sealed interface PaymentEvent extends Event permits
        PaymentCreated,
        PaymentSucceeded,
        PaymentClosed,
        RefundReserved,
        RefundSettled,
        RefundReservationReleased {
}
