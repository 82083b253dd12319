package com.yihuiliao.api.standing;

import java.time.Instant;

/**
 * The person may not book online until {@code until}: the rule {@code rule} counted {@code counted} offences in its
 * window, the last one {@code kind} under patient {@code patientId}.
 */
public record PersonBanned(String standingKey, String banId, String patientId, OffenceKind kind, String rule,
                           int counted, Instant from, Instant until) implements StandingEvent {
}
