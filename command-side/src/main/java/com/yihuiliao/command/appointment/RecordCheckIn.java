package com.yihuiliao.command.appointment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The appointment's part of a check-in ({@code CheckInAppointment}): sent by {@code queue.QueueCheckIns} inside its
 * unit of work, which then gives the queue number.
 */
public record RecordCheckIn(@TargetAggregateIdentifier String appointmentId, String patientId,
                            long opensMinutesBefore) implements Command {
}
