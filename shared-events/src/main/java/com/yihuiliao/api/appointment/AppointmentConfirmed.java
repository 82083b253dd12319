package com.yihuiliao.api.appointment;

/** An appointment is confirmed by what paid for it: an out_trade_no, or {@link #FREE_OF_CHARGE} when it costs nothing. */
public record AppointmentConfirmed(String appointmentId, String paymentReference) implements AppointmentEvent {

    /** The payment reference of an appointment whose fee is zero: no payment exists for it. */
    public static final String FREE_OF_CHARGE = "FREE";
}
