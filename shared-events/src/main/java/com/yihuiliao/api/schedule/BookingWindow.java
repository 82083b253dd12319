package com.yihuiliao.api.schedule;

import java.time.Instant;

/**
 * When a schedule can be booked and until when it can be cancelled, fixed from the booking
 * rules in force when it was published (or re-timed when the rules changed).
 */
public record BookingWindow(Instant opensAt, Instant closesAt, Instant cancelUntil) {

    public boolean isOpenAt(Instant now) {
        return !now.isBefore(opensAt);
    }

    public boolean isClosedAt(Instant now) {
        return !now.isBefore(closesAt);
    }
}
