package com.yihuiliao.api.queue;

/** A called patient was seen by the doctor: they leave the queue. */
public record PatientSeen(String queueId, String scheduleId, String appointmentId, String patientId, int number)
        implements QueueEvent {
}
