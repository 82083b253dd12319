package com.yihuiliao.api.queue;

/**
 * A session's queue opened with its first check-in: the numbering in force then is the session's, so a replay and a
 * settings change later number it alike.
 */
public record QueueOpened(String queueId, String scheduleId, String doctorId, QueueNumbering numbering)
        implements QueueEvent {
}
