package com.yihuiliao.api.queue;

/** A session's queue is its own aggregate, named after the schedule (ids are unique across aggregate types). */
public final class QueueIds {
    private QueueIds() {
    }

    public static String queueIdOf(String scheduleId) {
        return "queue:" + scheduleId;
    }
}
