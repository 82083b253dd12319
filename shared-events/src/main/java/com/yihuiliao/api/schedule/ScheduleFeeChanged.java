package com.yihuiliao.api.schedule;

/** Bookings from now on pay feeFen; appointments already booked keep the fee they were booked at. */
public record ScheduleFeeChanged(String scheduleId, long previousFeeFen, long feeFen) implements ScheduleEvent {
}
