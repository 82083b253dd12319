package com.yihuiliao.api.queue;

/** 过号: a called patient did not come; they may rejoin later. */
public record PatientPassed(String queueId, String scheduleId, String appointmentId, String patientId, int number)
        implements QueueEvent {
}
