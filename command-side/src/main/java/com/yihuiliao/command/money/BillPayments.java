package com.yihuiliao.command.money;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.bill.ApproveBillRefundRequest;
import com.yihuiliao.api.bill.BillWeChatOrder;
import com.yihuiliao.api.bill.PayBillWithBalance;
import com.yihuiliao.api.bill.RefundBillItem;
import com.yihuiliao.api.bill.SettleBillPayment;
import com.yihuiliao.api.bill.StartWeChatBillPayment;
import com.yihuiliao.api.payment.BalancePaymentResult;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.command.bill.ApproveRefundRequest;
import com.yihuiliao.command.bill.Bill;
import com.yihuiliao.command.bill.BillIds;
import com.yihuiliao.command.bill.BillPaymentTaken;
import com.yihuiliao.command.bill.MarkBillPaid;
import com.yihuiliao.command.bill.NamePaidOrder;
import com.yihuiliao.command.bill.QuoteBill;
import com.yihuiliao.command.bill.RecordBillItemRefund;
import com.yihuiliao.command.bill.TakeBillPayment;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.payment.Payment;
import com.yihuiliao.command.payment.PaymentOrder;
import com.yihuiliao.command.payment.PaymentOrders;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Bills' money, each in one unit of work and one database transaction, the bill taken first, then
 * payment → refund → account ({@link MoneySteps}).
 */
@Component
class BillPayments {

    private static final Logger log = LoggerFactory.getLogger(BillPayments.class);
    static final Duration WECHAT_ORDER_VALID = Duration.ofMinutes(30);
    /** A bill's WeChat orders: one at a time, a new one only when the last has (nearly) expired. */
    static final int MAX_WECHAT_ORDERS = 20;

    private final MoneySteps steps;
    private final Repository<Bill> bills;
    private final PaymentOrders orders;

    BillPayments(MoneySteps steps, @Qualifier("billRepository") Repository<Bill> bills, PaymentOrders orders) {
        this.steps = steps;
        this.bills = bills;
        this.orders = orders;
    }

    // --- paying -----------------------------------------------------------------------------------

    /** Bill → payment → account: all of it, or nothing (too little money writes nothing). */
    @CommandHandler
    public BalancePaymentResult handle(PayBillWithBalance cmd) throws Exception {
        Aggregate<Bill> bill = bill(cmd.billId());
        long total = quote(bill, cmd.billId(), cmd.patientId());
        String outTradeNo = PaymentIds.next(PaymentPurpose.BILL.prefix());
        BalancePaymentResult paid = steps.payFromBalance(outTradeNo, PaymentPurpose.BILL, cmd.billId(),
                cmd.patientId(), total);
        bill.handle(asCommandMessage(new MarkBillPaid(cmd.billId(), outTradeNo, PaymentChannel.BALANCE, total)));
        return paid;
    }

    /**
     * The bill's open WeChat order (created, or found again by a retry), valid for 30 minutes from its
     * creation; once it has (nearly) expired a new one follows. WeChat Pay is called after this, by the controller.
     */
    @CommandHandler
    public BillWeChatOrder handle(StartWeChatBillPayment cmd) throws Exception {
        long total = quote(bill(cmd.billId()), cmd.billId(), cmd.patientId());
        Instant now = GenericEventMessage.clock.instant();
        for (int n = 1; n <= MAX_WECHAT_ORDERS; n++) {
            String outTradeNo = BillIds.weChatOrderNo(cmd.billId(), n);
            PaymentOrder earlier = orders.find(outTradeNo).orElse(null);
            if (earlier == null) {
                steps.openWeChatOrder(outTradeNo, PaymentPurpose.BILL, cmd.billId(), cmd.patientId(), total);
                return new BillWeChatOrder(outTradeNo, cmd.billId(), cmd.patientId(), total,
                        now.plus(WECHAT_ORDER_VALID));
            }
            if (earlier.status() == PaymentStatus.PAID) {
                // the money arrived; the bill is marked paid in a moment
                throw new BusinessRuleViolation(ErrorCode.BILL_ALREADY_PAID);
            }
            Instant expiresAt = earlier.createdAt().plus(WECHAT_ORDER_VALID);
            if (earlier.status() == PaymentStatus.CREATED && expiresAt.isAfter(now.plus(Duration.ofMinutes(1)))) {
                return new BillWeChatOrder(outTradeNo, cmd.billId(), cmd.patientId(), total, expiresAt);
            }
        }
        throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE,
                "This bill has had too many WeChat orders; please pay at the counter.");
    }

    private long quote(Aggregate<Bill> bill, String billId, String patientId) throws Exception {
        if (bill == null) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        return (Long) bill.handle(asCommandMessage(new QuoteBill(billId, patientId)));
    }

    /**
     * A WeChat payment of the bill succeeded: the bill is paid by it — or, when the bill was paid by
     * another payment or voided, the payment goes back in full as "RL" + the order. Answers PAID or LATE_REFUND.
     */
    @CommandHandler
    public String handle(SettleBillPayment cmd) throws Exception {
        Aggregate<Bill> bill = bill(cmd.billId());
        PaymentOrder order = orders.find(cmd.outTradeNo()).orElse(null);
        Aggregate<Payment> payment = steps.payment(cmd.outTradeNo());
        if (payment == null || order == null || order.status() != PaymentStatus.PAID
                || !cmd.billId().equals(order.referenceId())) {
            log.warn("Order {} is no paid order of bill {}: nothing settled", cmd.outTradeNo(), cmd.billId());
            return "IGNORED";
        }
        BillPaymentTaken taken = bill == null ? new BillPaymentTaken.Late(RefundReason.BILL_LATE_ALREADY_PAID)
                : (BillPaymentTaken) bill.handle(asCommandMessage(new TakeBillPayment(cmd.billId(), cmd.outTradeNo(),
                        PaymentChannel.WECHAT, order.amountFen())));
        if (!(taken instanceof BillPaymentTaken.Late late)) {
            return "PAID";
        }
        String outRefundNo = PaymentIds.lateRefundNo(cmd.outTradeNo());
        if (steps.existingRefund(outRefundNo, cmd.outTradeNo(), order.amountFen()) == null) {
            log.warn("Order {} paid bill {}, which no longer takes it ({}): refunding it as {}", cmd.outTradeNo(),
                    cmd.billId(), late.reason(), outRefundNo);
            steps.refundToOriginalChannel(payment, cmd.outTradeNo(), outRefundNo, order.amountFen(), late.reason(),
                    null, "system");
        }
        return "LATE_REFUND";
    }

    // --- refunds ----------------------------------------------------------------------------------

    /** Bill (the item's limit) → payment → refund → account: the money goes back the way it came. */
    @CommandHandler
    public RefundResult handle(RefundBillItem cmd) throws Exception {
        Aggregate<Bill> bill = bill(cmd.billId());
        if (bill == null) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        PaymentIds.requireValid(cmd.outRefundNo());
        long amount = (Long) bill.handle(asCommandMessage(new RecordBillItemRefund(cmd.billId(), cmd.line(),
                cmd.amountFen(), cmd.quantity(), cmd.outRefundNo(), cmd.reason(), cmd.operator())));
        String outTradeNo = (String) bill.handle(asCommandMessage(new NamePaidOrder(cmd.billId())));
        Aggregate<Payment> payment = steps.payment(outTradeNo);
        if (payment == null) {
            throw new IllegalStateException("The payment " + outTradeNo + " of bill " + cmd.billId() + " is missing");
        }
        RefundResult earlier = steps.existingRefund(cmd.outRefundNo(), outTradeNo, amount);
        if (earlier != null) {
            return earlier;
        }
        return steps.refundToOriginalChannel(payment, outTradeNo, cmd.outRefundNo(), amount,
                RefundReason.STAFF_REFUND, cmd.reason(), cmd.operator());
    }

    /** Approval and refund in one unit of work: the request is approved only if its refund is made. */
    @CommandHandler
    public RefundResult handle(ApproveBillRefundRequest cmd) throws Exception {
        Aggregate<Bill> bill = bill(cmd.billId());
        if (bill == null) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        String outRefundNo = BillIds.refundNoOf(cmd.billId(), cmd.requestId());
        Bill.RefundRequest request = (Bill.RefundRequest) bill.handle(asCommandMessage(
                new ApproveRefundRequest(cmd.billId(), cmd.requestId(), outRefundNo, cmd.operator())));
        boolean byQuantity = request.quantity() > 0;
        return handle(new RefundBillItem(cmd.billId(), request.line(), byQuantity ? null : request.amountFen(),
                byQuantity ? request.quantity() : null, request.reason(), request.outRefundNo(), cmd.operator()));
    }

    private Aggregate<Bill> bill(String billId) {
        return BillIds.isBillId(billId) && steps.exists(billId) ? bills.load(billId) : null;
    }
}
