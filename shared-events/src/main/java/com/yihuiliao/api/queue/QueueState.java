package com.yihuiliao.api.queue;

/** Where a checked-in patient is: waiting → called → seen, or passed (过号), and waiting again after a rejoin. */
public enum QueueState {
    WAITING, CALLED, SEEN, PASSED
}
