package com.yihuiliao.api.appointment;

import com.yihuiliao.api.Event;

/** The appointment feature's events, all of them. */
public sealed interface AppointmentEvent extends Event permits
        AppointmentBooked,
        AppointmentConfirmed,
        AppointmentExpired,
        AppointmentCancelled,
        AppointmentMissed,
        CheckInRecorded {
}
