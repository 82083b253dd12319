package com.yihuiliao.api.schedule;

import java.time.LocalTime;

/** The parts of a working day a doctor sees patients in. */
public enum Period {
    MORNING(LocalTime.of(8, 0), LocalTime.of(12, 0)),
    AFTERNOON(LocalTime.of(13, 30), LocalTime.of(17, 30)),
    EVENING(LocalTime.of(18, 0), LocalTime.of(21, 0));

    private final LocalTime start;
    private final LocalTime end;

    Period(LocalTime start, LocalTime end) {
        this.start = start;
        this.end = end;
    }

    public LocalTime start() {
        return start;
    }

    public LocalTime end() {
        return end;
    }
}
