package com.yihuiliao.api.appointment;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 签到: the patient has arrived for a confirmed appointment, on its visit day, from {@code opensMinutesBefore} the
 * period's start until it ends (the hospital's setting, {@code yihuiliao.booking.check-in-opens-before}).
 */
public record CheckInAppointment(@TargetAggregateIdentifier String appointmentId, String patientId, String accountId,
                                 long opensMinutesBefore) implements ActsForPatient, Command {
}
