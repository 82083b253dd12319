package com.yihuiliao.api.standing;

import java.time.Instant;

/**
 * An offence counted against a person.
 *
 * @param standingKey the person: a keyed hash of their identity document, never the number
 * @param patientId   the patient (of one account) it happened under
 * @param subjectId   what it was about (the appointment): counted once
 * @param occurredAt  when it happened (a no-show: when the period ended)
 */
public record OffenceRecorded(String standingKey, String patientId, OffenceKind kind, String subjectId,
                              Instant occurredAt) implements StandingEvent {
}
