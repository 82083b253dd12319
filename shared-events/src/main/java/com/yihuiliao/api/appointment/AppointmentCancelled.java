package com.yihuiliao.api.appointment;

import org.axonframework.serialization.Revision;

/**
 * {@code reason} is the canceller's own words (null when none were given). Revision 2: revision 1 stored the
 * patient's cancellation without a reason as the sentence "Cancelled by the patient" (upcast to null).
 */
@Revision("2")
public record AppointmentCancelled(String appointmentId, String scheduleId, String patientId, CancelledBy by,
                                   String reason, boolean wasConfirmed) implements AppointmentEvent {
}
