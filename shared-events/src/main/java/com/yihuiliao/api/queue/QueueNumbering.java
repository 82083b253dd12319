package com.yihuiliao.api.queue;

/** How a session's queue numbers are given ({@code yihuiliao.queue.numbering}). */
public enum QueueNumbering {
    /** The n-th slot held on the schedule is number n (预约序号): numbers of cancelled bookings stay unused. */
    BOOKING_ORDER,
    /** The n-th to check in is number n: 1, 2, 3… without gaps. */
    CHECK_IN_ORDER
}
