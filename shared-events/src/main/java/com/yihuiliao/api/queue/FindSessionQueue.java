package com.yihuiliao.api.queue;

import com.yihuiliao.api.Query;

/** A schedule's queue (null when nobody has checked in). */
public record FindSessionQueue(String scheduleId) implements Query<QueueOverview> {
}
