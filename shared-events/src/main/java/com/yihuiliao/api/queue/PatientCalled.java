package com.yihuiliao.api.queue;

/** 叫号: the first waiting patient was called to the doctor. */
public record PatientCalled(String queueId, String scheduleId, String appointmentId, String patientId, int number)
        implements QueueEvent {
}
