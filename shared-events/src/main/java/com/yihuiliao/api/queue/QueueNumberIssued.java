package com.yihuiliao.api.queue;

/**
 * A checked-in appointment got its queue number and joined the waiting line.
 *
 * @param sortKey where it waits: the line is called in ascending order of this key (a rejoin takes a key between two)
 */
public record QueueNumberIssued(String queueId, String scheduleId, String appointmentId, String patientId, int number,
                                long sortKey) implements QueueEvent {
}
