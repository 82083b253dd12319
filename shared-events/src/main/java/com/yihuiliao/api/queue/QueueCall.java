package com.yihuiliao.api.queue;

/** What a call (or its retry) called: the appointment and its number. */
public record QueueCall(String scheduleId, String appointmentId, int number) {
}
