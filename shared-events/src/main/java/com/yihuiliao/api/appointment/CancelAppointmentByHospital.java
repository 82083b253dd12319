package com.yihuiliao.api.appointment;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The hospital cancels (停诊 and the like): no deadline applies; repeats are harmless. */
public record CancelAppointmentByHospital(@TargetAggregateIdentifier String appointmentId, String reason)
        implements Command {
}
