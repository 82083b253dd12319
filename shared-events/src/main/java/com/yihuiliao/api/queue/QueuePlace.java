package com.yihuiliao.api.queue;

/** A patient's place in their session's queue: their number, state, and how many wait before them. */
public record QueuePlace(String appointmentId, String patientId, String scheduleId, int number, QueueState state,
                         int ahead, int currentNumber) {
}
