package com.yihuiliao.api.standing;

/** Which offences a rule counts together: those of one calendar year or month (Beijing time), or the last N days. */
public enum PenaltyWindow {
    CALENDAR_YEAR,
    CALENDAR_MONTH,
    ROLLING_DAYS
}
