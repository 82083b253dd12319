package com.yihuiliao.api.queue;

/** Where a passed patient who returns waits again ({@code yihuiliao.queue.rejoin}). */
public enum QueueRejoinRule {
    /** At the end of the waiting line. */
    END,
    /** After the next N waiting ({@code yihuiliao.queue.rejoin-after}); at the end when fewer wait. */
    AFTER_NEXT_N
}
