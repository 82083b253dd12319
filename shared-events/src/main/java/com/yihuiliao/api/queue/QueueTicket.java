package com.yihuiliao.api.queue;

/** A check-in's answer: the queue number taken for the appointment's session. */
public record QueueTicket(String appointmentId, String scheduleId, int number, QueueState state) {
}
