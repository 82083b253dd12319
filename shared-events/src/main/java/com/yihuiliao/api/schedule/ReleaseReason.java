package com.yihuiliao.api.schedule;

/** Why a held slot went back to the schedule. Stored by name, as the strings before it were. */
public enum ReleaseReason {
    CANCELLED,
    EXPIRED
}
