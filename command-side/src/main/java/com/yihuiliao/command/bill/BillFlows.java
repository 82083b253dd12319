package com.yihuiliao.command.bill;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.bill.BillStatus;
import com.yihuiliao.api.bill.BillWeChatOrder;
import com.yihuiliao.api.bill.IssueBill;
import com.yihuiliao.api.bill.IssuedBill;
import com.yihuiliao.api.bill.MarkBillPaid;
import com.yihuiliao.api.bill.PayBillWithBalance;
import com.yihuiliao.api.bill.RecordBillItemRefund;
import com.yihuiliao.api.bill.ApproveBillRefundRequest;
import com.yihuiliao.api.bill.RefundBillItem;
import com.yihuiliao.api.bill.RequestBillRefund;
import com.yihuiliao.api.bill.RequestedBillRefund;
import com.yihuiliao.api.bill.SettleBillPayment;
import com.yihuiliao.api.bill.StartWeChatBillPayment;
import com.yihuiliao.api.payment.BalancePaymentResult;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.lookup.StoredAggregates;
import com.yihuiliao.command.payment.MoneyFlows;
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
 * Bills and their money, each in one unit of work and one database transaction, aggregates taken in the
 * order bill → payment → refund → account (the money through {@link MoneyFlows}).
 */
@Component
class BillFlows {

    private static final Logger log = LoggerFactory.getLogger(BillFlows.class);
    static final Duration WECHAT_ORDER_VALID = Duration.ofMinutes(30);
    /** A bill's WeChat orders: one at a time, a new one only when the last has (nearly) expired. */
    static final int MAX_WECHAT_ORDERS = 20;

    private final Repository<Bill> bills;
    private final MoneyFlows moneyFlows;
    private final PaymentOrders paymentOrders;
    private final StoredAggregates storedAggregates;

    BillFlows(@Qualifier("billRepository") Repository<Bill> bills, MoneyFlows moneyFlows,
              PaymentOrders paymentOrders, StoredAggregates storedAggregates) {
        this.bills = bills;
        this.moneyFlows = moneyFlows;
        this.paymentOrders = paymentOrders;
        this.storedAggregates = storedAggregates;
    }

    // --- ids --------------------------------------------------------------------------------------

    /** A new bill id: "BI" + the Shanghai date + 10 random characters. */
    static String newBillId() {
        return PaymentIds.next("BI");
    }

    /** The bill id of an external (HIS) bill number: the same number, the same bill. */
    static String billIdOf(String externalNo) {
        return PaymentIds.derived("BIH", externalNo, 24);
    }

    static boolean isBillId(String id) {
        return id != null && id.startsWith("BI") && PaymentIds.isValid(id);
    }

    /** The bill's n-th WeChat order number: "BLW" + 27 characters derived from it, so a retry finds the same one. */
    static String weChatOrderNo(String billId, int n) {
        return PaymentIds.derived(PaymentPurpose.BILL.prefix() + "W", n == 1 ? billId : billId + "#" + n, 27);
    }

    // --- issuing ----------------------------------------------------------------------------------

    @CommandHandler
    public IssuedBill handle(IssueBill cmd) throws Exception {
        if (!isBillId(cmd.billId())) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_BILL, "Not a bill id: " + cmd.billId());
        }
        if (storedAggregates.exists(cmd.billId())) {
            // the same external number again: the bill it issued, if it is the same bill
            Aggregate<Bill> bill = bills.load(cmd.billId());
            if (!bill.invoke(Bill::patientId).equals(cmd.patientId())
                    || bill.invoke(Bill::totalFen) != Bill.totalOf(cmd.items())) {
                throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                        "The bill number " + cmd.externalNo() + " was already issued with other contents.");
            }
            return new IssuedBill(cmd.billId(), cmd.externalNo(), cmd.patientId(), bill.invoke(Bill::totalFen),
                    bill.invoke(Bill::status), true);
        }
        Aggregate<Bill> bill = bills.newInstance(() -> new Bill(cmd));
        return new IssuedBill(cmd.billId(), cmd.externalNo(), cmd.patientId(), bill.invoke(Bill::totalFen),
                BillStatus.ISSUED, false);
    }

    // --- paying -----------------------------------------------------------------------------------

    /** Bill → payment → account: all of it, or nothing (too little money writes nothing). */
    @CommandHandler
    public BalancePaymentResult handle(PayBillWithBalance cmd) throws Exception {
        Aggregate<Bill> bill = payableBill(cmd.billId(), cmd.patientId());
        String outTradeNo = PaymentIds.next(PaymentPurpose.BILL.prefix());
        long total = bill.invoke(Bill::totalFen);
        BalancePaymentResult paid = moneyFlows.payFromBalance(outTradeNo, PaymentPurpose.BILL, cmd.billId(),
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
        Aggregate<Bill> bill = payableBill(cmd.billId(), cmd.patientId());
        long total = bill.invoke(Bill::totalFen);
        Instant now = GenericEventMessage.clock.instant();
        for (int n = 1; n <= MAX_WECHAT_ORDERS; n++) {
            String outTradeNo = weChatOrderNo(cmd.billId(), n);
            Aggregate<Payment> payment = moneyFlows.loadPayment(outTradeNo);
            if (payment == null) {
                moneyFlows.openWeChatOrder(outTradeNo, PaymentPurpose.BILL, cmd.billId(), cmd.patientId(), total);
                return new BillWeChatOrder(outTradeNo, cmd.billId(), cmd.patientId(), total,
                        now.plus(WECHAT_ORDER_VALID));
            }
            PaymentStatus status = payment.invoke(Payment::status);
            if (status == PaymentStatus.PAID) {
                // the money arrived; the bill is marked paid in a moment
                throw new BusinessRuleViolation(ErrorCode.BILL_ALREADY_PAID);
            }
            Instant expiresAt = paymentOrders.find(outTradeNo).map(PaymentOrder::createdAt).orElse(Instant.EPOCH)
                    .plus(WECHAT_ORDER_VALID);
            if (status == PaymentStatus.CREATED && expiresAt.isAfter(now.plus(Duration.ofMinutes(1)))) {
                return new BillWeChatOrder(outTradeNo, cmd.billId(), cmd.patientId(), total, expiresAt);
            }
        }
        throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE,
                "This bill has had too many WeChat orders; please pay at the counter.");
    }

    private Aggregate<Bill> payableBill(String billId, String patientId) {
        Aggregate<Bill> bill = loadBill(billId);
        if (bill == null || !patientId.equals(bill.invoke(Bill::patientId))) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        BillStatus status = bill.invoke(Bill::status);
        if (status == BillStatus.PAID) {
            throw new BusinessRuleViolation(ErrorCode.BILL_ALREADY_PAID);
        }
        if (status == BillStatus.VOIDED) {
            throw new BusinessRuleViolation(ErrorCode.BILL_VOIDED);
        }
        return bill;
    }

    /**
     * A WeChat payment of the bill succeeded: the bill is paid by it — or, when the bill was paid by
     * another payment or voided, the payment goes back in full as "RL" + the order. Answers PAID or LATE_REFUND.
     */
    @CommandHandler
    public String handle(SettleBillPayment cmd) throws Exception {
        Aggregate<Bill> bill = loadBill(cmd.billId());
        Aggregate<Payment> payment = moneyFlows.loadPayment(cmd.outTradeNo());
        if (payment == null || payment.invoke(Payment::status) != PaymentStatus.PAID
                || !cmd.billId().equals(payment.invoke(Payment::referenceId))) {
            log.warn("Order {} is no paid order of bill {}: nothing settled", cmd.outTradeNo(), cmd.billId());
            return "IGNORED";
        }
        BillStatus status = bill == null ? null : bill.invoke(Bill::status);
        if (status == BillStatus.ISSUED) {
            bill.handle(asCommandMessage(new MarkBillPaid(cmd.billId(), cmd.outTradeNo(), PaymentChannel.WECHAT,
                    payment.invoke(Payment::amountFen))));
            return "PAID";
        }
        if (status == BillStatus.PAID && cmd.outTradeNo().equals(bill.invoke(Bill::outTradeNo))) {
            return "PAID"; // delivered again
        }
        String outRefundNo = PaymentIds.lateRefundNo(cmd.outTradeNo());
        long amount = payment.invoke(Payment::amountFen);
        if (moneyFlows.existingRefund(outRefundNo, cmd.outTradeNo(), amount) == null) {
            log.warn("Order {} paid bill {}, which is {}: refunding it as {}", cmd.outTradeNo(), cmd.billId(), status,
                    outRefundNo);
            moneyFlows.refundToOriginalChannel(payment, cmd.outTradeNo(), outRefundNo, amount,
                    status == BillStatus.VOIDED ? RefundReason.BILL_LATE_VOIDED : RefundReason.BILL_LATE_ALREADY_PAID, null,
                    "system");
        }
        return "LATE_REFUND";
    }

    // --- refunds ----------------------------------------------------------------------------------

    /** Bill (the item's limit) → payment → refund → account: the money goes back the way it came. */
    @CommandHandler
    public RefundResult handle(RefundBillItem cmd) throws Exception {
        Aggregate<Bill> bill = loadBill(cmd.billId());
        if (bill == null) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        PaymentIds.requireValid(cmd.outRefundNo());
        long amount = (Long) bill.handle(asCommandMessage(new RecordBillItemRefund(cmd.billId(), cmd.line(),
                cmd.amountFen(), cmd.quantity(), cmd.outRefundNo(), cmd.reason(), cmd.operator())));
        String outTradeNo = bill.invoke(Bill::outTradeNo);
        Aggregate<Payment> payment = moneyFlows.loadPayment(outTradeNo);
        if (payment == null) {
            throw new IllegalStateException("The payment " + outTradeNo + " of bill " + cmd.billId() + " is missing");
        }
        RefundResult earlier = moneyFlows.existingRefund(cmd.outRefundNo(), outTradeNo, amount);
        if (earlier != null) {
            return earlier;
        }
        return moneyFlows.refundToOriginalChannel(payment, outTradeNo, cmd.outRefundNo(), amount,
                RefundReason.STAFF_REFUND, cmd.reason(), cmd.operator());
    }

    // --- refund requests (退费申请) ----------------------------------------------------------------

    /** A patient asks for part of a line back; the same request id asks once. */
    @CommandHandler
    public RequestedBillRefund handle(RequestBillRefund cmd) throws Exception {
        Aggregate<Bill> bill = loadBill(cmd.billId());
        if (bill == null || !cmd.patientId().equals(bill.invoke(Bill::patientId))) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        return (RequestedBillRefund) bill.handle(asCommandMessage(new OpenRefundRequest(cmd.billId(), cmd.requestId(),
                cmd.patientId(), cmd.accountId(), cmd.line(), cmd.amountFen(), cmd.quantity(), cmd.reason())));
    }

    /** Approval and refund in one unit of work: the request is approved only if its refund is made. */
    @CommandHandler
    public RefundResult handle(ApproveBillRefundRequest cmd) throws Exception {
        Aggregate<Bill> bill = loadBill(cmd.billId());
        if (bill == null) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        String outRefundNo = refundNoOf(cmd.billId(), cmd.requestId());
        Bill.RefundRequest request = (Bill.RefundRequest) bill.handle(asCommandMessage(
                new ApproveRefundRequest(cmd.billId(), cmd.requestId(), outRefundNo, cmd.operator())));
        boolean byQuantity = request.quantity() > 0;
        return handle(new RefundBillItem(cmd.billId(), request.line(), byQuantity ? null : request.amountFen(),
                byQuantity ? request.quantity() : null, request.reason(), request.outRefundNo(), cmd.operator()));
    }

    /** A new request id, or one derived from the client's, so a retried request asks once. */
    static String requestIdOf(String billId, String clientRequestId) {
        return clientRequestId == null ? PaymentIds.next("RQ") : PaymentIds.derived("RQ", billId + "#" + clientRequestId, 20);
    }

    /** The refund an approved request makes: "RR" + 24 characters derived from the bill and the request. */
    static String refundNoOf(String billId, String requestId) {
        return PaymentIds.derived("RR", billId + "#" + requestId, 24);
    }

    // --- loading ----------------------------------------------------------------------------------

    private Aggregate<Bill> loadBill(String billId) {
        return isBillId(billId) && storedAggregates.exists(billId) ? bills.load(billId) : null;
    }
}
