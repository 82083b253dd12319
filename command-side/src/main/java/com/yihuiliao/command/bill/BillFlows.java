package com.yihuiliao.command.bill;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.bill.BillStatus;
import com.yihuiliao.api.bill.IssueBill;
import com.yihuiliao.api.bill.IssuedBill;
import com.yihuiliao.api.bill.RequestBillRefund;
import com.yihuiliao.api.bill.RequestedBillRefund;
import com.yihuiliao.command.lookup.StoredAggregates;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Issuing bills and taking patients' refund requests (退费申请). The bills' money — paying, settling a WeChat
 * payment, refunding a line, approving a request — is the money room's ({@code money.BillPayments}).
 */
@Component
class BillFlows {

    private final Repository<Bill> bills;
    private final StoredAggregates storedAggregates;

    BillFlows(@Qualifier("billRepository") Repository<Bill> bills, StoredAggregates storedAggregates) {
        this.bills = bills;
        this.storedAggregates = storedAggregates;
    }

    // --- issuing ----------------------------------------------------------------------------------

    @CommandHandler
    public IssuedBill handle(IssueBill cmd) throws Exception {
        if (!BillIds.isBillId(cmd.billId())) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_BILL, "Not a bill id: " + cmd.billId());
        }
        if (storedAggregates.exists(cmd.billId())) {
            // the same external number again: the bill it issued, if it is the same bill
            BillStatus status = (BillStatus) bills.load(cmd.billId()).handle(asCommandMessage(new RepeatIssue(
                    cmd.billId(), cmd.externalNo(), cmd.patientId(), cmd.items())));
            return new IssuedBill(cmd.billId(), cmd.externalNo(), cmd.patientId(), Bill.totalOf(cmd.items()), status,
                    true);
        }
        bills.newInstance(() -> new Bill(cmd));
        // the bill was issued with the total of these items (its creation checked them)
        return new IssuedBill(cmd.billId(), cmd.externalNo(), cmd.patientId(), Bill.totalOf(cmd.items()),
                BillStatus.ISSUED, false);
    }

    // --- refund requests (退费申请) ----------------------------------------------------------------

    /** A patient asks for part of a line back; the same request id asks once. */
    @CommandHandler
    public RequestedBillRefund handle(RequestBillRefund cmd) throws Exception {
        Aggregate<Bill> bill = loadBill(cmd.billId());
        if (bill == null) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        // another patient's bill is refused by the bill itself, as unknown
        return (RequestedBillRefund) bill.handle(asCommandMessage(new OpenRefundRequest(cmd.billId(), cmd.requestId(),
                cmd.patientId(), cmd.accountId(), cmd.line(), cmd.amountFen(), cmd.quantity(), cmd.reason())));
    }

    private Aggregate<Bill> loadBill(String billId) {
        return BillIds.isBillId(billId) && storedAggregates.exists(billId) ? bills.load(billId) : null;
    }
}
