package com.yihuiliao.api.standing;

import com.yihuiliao.api.Command;
import java.time.Instant;

/**
 * Count an offence against the person {@code standingKey}, weighed by the penalty rules in force; once per subject.
 *
 * @param periodStartsAt for a cancellation, when its period was to start (the rules say whether it was late)
 */
public record RecordOffence(String standingKey, String patientId, OffenceKind kind, String subjectId,
                            Instant occurredAt, Instant periodStartsAt) implements Command {
}
