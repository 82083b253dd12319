package com.yihuiliao.command.appointment;

import com.yihuiliao.api.appointment.AppointmentStatus;
import java.time.Instant;

/** The appointment's answer to {@link QuoteAppointmentFee}. */
public sealed interface AppointmentFee {

    /** Held: this fee is to be paid before the hold expires. */
    record Payable(long feeFen, Instant holdExpiresAt) implements AppointmentFee {
    }

    /** Confirmed by this order (never a free one): a repeated payment answers it. */
    record PaidBy(String outTradeNo, long feeFen) implements AppointmentFee {
    }

    /** Anything else: it can no longer be paid. */
    record NotPayable(AppointmentStatus status) implements AppointmentFee {
    }
}
