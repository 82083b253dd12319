package com.yihuiliao.api.appointment;

public enum AppointmentStatus {
    /** A slot is held, awaiting payment. */
    HELD,
    CONFIRMED,
    CANCELLED,
    EXPIRED,
    /** Confirmed, and not checked in when its period ended (爽约). */
    MISSED,
    /** Confirmed, and the patient arrived (签到). */
    CHECKED_IN;

    public boolean isLive() {
        return this == HELD || this == CONFIRMED;
    }
}
