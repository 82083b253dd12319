package com.yihuiliao.api.queue;

import java.util.List;

/**
 * A session's queue: the number called last ({@code currentNumber}, 0 when none), how many wait, and everyone checked
 * in — the called first, then the waiting line in calling order, then the passed (who may rejoin), then the seen.
 */
public record QueueOverview(String scheduleId, String doctorId, int currentNumber, int waiting, List<QueueEntry> entries) {
}
