package com.yihuiliao.api.queue;

import java.util.List;

/**
 * A session's queue: the patient called last ({@code currentNumber}, 0 when none), then everyone in calling order —
 * the waiting line first, then those called, passed or seen.
 */
public record QueueOverview(String scheduleId, String doctorId, int currentNumber, int waiting, List<QueueEntry> entries) {
}
