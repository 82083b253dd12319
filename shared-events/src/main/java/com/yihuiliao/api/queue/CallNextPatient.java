package com.yihuiliao.api.queue;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 叫号: call the first waiting patient. {@code currentNumber} is the number the caller's screen shows as called last
 * (0 when none): a retry of the same call names the same and is answered the same call, so no patient is skipped.
 *
 * @param doctorId the calling doctor's own id, when a doctor calls (only their own sessions); null for other staff
 */
public record CallNextPatient(@TargetAggregateIdentifier String queueId, int currentNumber, String doctorId)
        implements Command {
}
