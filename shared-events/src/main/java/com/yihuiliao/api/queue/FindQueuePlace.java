package com.yihuiliao.api.queue;

import com.yihuiliao.api.Query;

/** An appointment's place in its session's queue (null when it has not checked in). */
public record FindQueuePlace(String appointmentId) implements Query<QueuePlace> {
}
