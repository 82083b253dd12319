package com.yihuiliao.api.appointment;

/**
 * A walk-in's answer: the booking (remaining / scheduleVersion are -1 for a repeated request) and the
 * counter payment that confirmed it (null for a free schedule).
 */
public record RegisteredWalkIn(AppointmentBookedResult booking, String outTradeNo, long amountFen) {
}
