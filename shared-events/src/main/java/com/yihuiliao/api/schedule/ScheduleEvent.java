package com.yihuiliao.api.schedule;

import com.yihuiliao.api.Event;

/** The schedule feature's events, all of them. */
public sealed interface ScheduleEvent extends Event permits
        SchedulePublished,
        CapacityAdded,
        CapacityReduced,
        ScheduleFeeChanged,
        SlotHeld,
        SlotReleased,
        ScheduleSuspended,
        ScheduleCancelled,
        BookingWindowChanged {
}
