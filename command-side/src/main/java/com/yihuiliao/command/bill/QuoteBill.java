package com.yihuiliao.command.bill;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What paying this bill takes: answers its total, or refuses (another patient's, paid, voided). */
public record QuoteBill(@TargetAggregateIdentifier String billId, String patientId) implements Command {
}
