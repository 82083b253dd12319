package com.yihuiliao.api.appointment;

public enum AppointmentStatus {
    /** A slot is held, awaiting payment. */
    HELD,
    CONFIRMED,
    CANCELLED,
    EXPIRED;

    public boolean isLive() {
        return this == HELD || this == CONFIRMED;
    }
}
