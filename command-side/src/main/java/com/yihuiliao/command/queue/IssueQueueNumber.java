package com.yihuiliao.command.queue;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give a checked-in appointment its number, inside {@link QueueCheckIns}' unit of work.
 *
 * @param bookingNumber the appointment's place among the schedule's holds (for {@code BOOKING_ORDER}; 0 when unknown)
 */
public record IssueQueueNumber(@TargetAggregateIdentifier String queueId, String appointmentId, String patientId,
                               int bookingNumber) implements Command {
}
