package com.yihuiliao.api.inpatient;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 出院结算: the fees are charged against the inpatient deposit, what remains goes back to the top-ups that
 * funded it, a shortfall becomes a bill. Decided once; a repeat answers the same {@link AdmissionSettlement}.
 */
public record SettleAdmission(@TargetAggregateIdentifier String admissionId, String actor) implements Command {
}
