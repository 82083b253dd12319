package com.yihuiliao.command.bill;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.bill.BillItem;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The same external bill number issued again: answers the bill's status if it is the same bill, else a conflict. */
record RepeatIssue(@TargetAggregateIdentifier String billId, String externalNo, String patientId,
                   List<BillItem> items) implements Command {
}
