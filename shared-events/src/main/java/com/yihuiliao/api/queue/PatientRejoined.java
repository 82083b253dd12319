package com.yihuiliao.api.queue;

/** A passed patient came back and waits again, keeping their number, at {@code sortKey} (the rejoin rule's place). */
public record PatientRejoined(String queueId, String scheduleId, String appointmentId, String patientId, int number,
                              long sortKey, QueueRejoinRule rule) implements QueueEvent {
}
