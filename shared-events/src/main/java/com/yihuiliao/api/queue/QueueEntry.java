package com.yihuiliao.api.queue;

/** One checked-in patient of a session's queue, as staff see it (no name: the number calls them). */
public record QueueEntry(String appointmentId, String patientId, int number, QueueState state, long sortKey) {
}
