package com.yihuiliao.command.bill;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.bill.BillIssued;
import com.yihuiliao.api.bill.BillItem;
import com.yihuiliao.api.bill.BillItemRefunded;
import com.yihuiliao.api.bill.BillPaid;
import com.yihuiliao.api.bill.BillRefundRequestApproved;
import com.yihuiliao.api.bill.BillRefundRequestRejected;
import com.yihuiliao.api.bill.BillRefundRequestStatus;
import com.yihuiliao.api.bill.BillRefundRequested;
import com.yihuiliao.api.bill.BillStatus;
import com.yihuiliao.api.bill.BillVoided;
import com.yihuiliao.api.bill.DescribeBillItems;
import com.yihuiliao.api.bill.IssueBill;
import com.yihuiliao.api.bill.RejectBillRefundRequest;
import com.yihuiliao.api.bill.RequestedBillRefund;
import com.yihuiliao.api.bill.VoidBill;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.command.ids.PaymentIds;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A bill (自助缴费) for one patient, identified by its bill id. Owns: 1–50 lines, total ≤ 10,000,000 fen;
 * paid once, by one payment of exactly its total; voided only while unpaid; what is refunded of a line
 * never exceeds what that line paid, and each refund (by its out_refund_no) counts once. A patient's refund
 * request (退费申请) asks for no more than the line has left beyond other pending requests, and is decided
 * once: approved (then refunded) or rejected.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Bill {

    static final int MAX_ITEMS = 50;
    static final long MAX_TOTAL_FEN = 10_000_000;

    /** A line as the bill keeps it: what it charged and what of it was refunded. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    record Line(int quantity, long unitPriceFen, long amountFen, long refundedFen, int refundedQuantity) {
    }

    /** A patient's refund request as the bill keeps it; a pending one holds its amount back from other requests. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    public record RefundRequest(int line, long amountFen, int quantity, String reason, BillRefundRequestStatus status,
                         String outRefundNo) {
        RefundRequest decided(BillRefundRequestStatus newStatus, String refundNo) {
            return new RefundRequest(line, amountFen, quantity, reason, newStatus, refundNo);
        }
    }

    @AggregateIdentifier
    private String billId;
    private String patientId;
    private BillStatus status;
    private long totalFen;
    private Map<Integer, Line> lines = new LinkedHashMap<>();
    /** the lines as issued, for the e-invoice */
    private List<BillItem> items = List.of();
    private String outTradeNo;
    private PaymentChannel channel;
    private long refundedFen;
    /** every refund recorded: outRefundNo → line and amount. */
    private Map<String, Integer> refundLines = new HashMap<>();
    private Map<String, Long> refundAmounts = new HashMap<>();
    /** patients' refund requests (退费申请) by request id */
    private Map<String, RefundRequest> refundRequests = new LinkedHashMap<>();

    protected Bill() {
        // for Axon
    }

    /** Issued by BillFlows, which makes a repeated external bill number answer the first bill. */
    public Bill(IssueBill cmd) {
        if (blank(cmd.billId()) || blank(cmd.patientId()) || blank(cmd.issuedBy())) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_BILL, "A bill names its id, patient and issuer.");
        }
        long total = totalOf(cmd.items());
        apply(new BillIssued(cmd.billId(), cmd.externalNo(), cmd.patientId(), List.copyOf(cmd.items()), total,
                cmd.departmentId(), cmd.doctorId(), cmd.issuedBy()));
    }

    /** Checks every line and answers the total. */
    static long totalOf(List<BillItem> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_BILL, "A bill has 1 to " + MAX_ITEMS + " lines.");
        }
        Set<Integer> seen = new HashSet<>();
        long total = 0;
        for (BillItem item : items) {
            if (item == null || item.line() < 1 || !seen.add(item.line())) {
                throw new BusinessRuleViolation(ErrorCode.INVALID_BILL, "Line numbers are unique and start at 1.");
            }
            if (blank(item.code()) || blank(item.name()) || item.category() == null) {
                throw new BusinessRuleViolation(ErrorCode.INVALID_BILL,
                        "Line " + item.line() + " needs a code, a name and a category.");
            }
            if (item.quantity() < 1 || item.unitPriceFen() < 1) {
                throw new BusinessRuleViolation(ErrorCode.INVALID_BILL,
                        "Line " + item.line() + ": quantity and unit price must be at least 1.");
            }
            try {
                if (Math.multiplyExact((long) item.quantity(), item.unitPriceFen()) != item.amountFen()) {
                    throw new BusinessRuleViolation(ErrorCode.INVALID_BILL,
                            "Line " + item.line() + ": the amount is not quantity × unit price.");
                }
                total = Math.addExact(total, item.amountFen());
            } catch (ArithmeticException overflow) {
                total = Long.MAX_VALUE;
            }
            if (total > MAX_TOTAL_FEN) {
                throw new BusinessRuleViolation(ErrorCode.INVALID_BILL,
                        "A bill totals at most " + MAX_TOTAL_FEN + " fen.");
            }
        }
        return total;
    }

    @CommandHandler
    public void handle(MarkBillPaid cmd) {
        if (status == BillStatus.PAID) {
            if (outTradeNo.equals(cmd.outTradeNo())) {
                return; // the same payment again
            }
            throw new BusinessRuleViolation(ErrorCode.BILL_ALREADY_PAID);
        }
        if (status == BillStatus.VOIDED) {
            throw new BusinessRuleViolation(ErrorCode.BILL_VOIDED);
        }
        if (cmd.amountFen() != totalFen) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_AMOUNT_MISMATCH,
                    "Paid " + cmd.amountFen() + " fen for a bill of " + totalFen + " fen.");
        }
        PaymentIds.requireValid(cmd.outTradeNo());
        apply(new BillPaid(billId, patientId, cmd.outTradeNo(), cmd.channel(), totalFen));
    }

    @CommandHandler
    public BillStatus handle(RepeatIssue cmd) {
        if (!patientId.equals(cmd.patientId()) || totalFen != totalOf(cmd.items())) {
            throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "The bill number " + cmd.externalNo() + " was already issued with other contents.");
        }
        return status;
    }

    @CommandHandler
    public long handle(QuoteBill cmd) {
        if (!patientId.equals(cmd.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        if (status == BillStatus.PAID) {
            throw new BusinessRuleViolation(ErrorCode.BILL_ALREADY_PAID);
        }
        if (status == BillStatus.VOIDED) {
            throw new BusinessRuleViolation(ErrorCode.BILL_VOIDED);
        }
        return totalFen;
    }

    @CommandHandler
    public BillPaymentTaken handle(TakeBillPayment cmd) {
        if (status == BillStatus.ISSUED) {
            handle(new MarkBillPaid(billId, cmd.outTradeNo(), cmd.channel(), cmd.amountFen()));
            return new BillPaymentTaken.Paid();
        }
        if (status == BillStatus.PAID && cmd.outTradeNo().equals(outTradeNo)) {
            return new BillPaymentTaken.Paid(); // delivered again
        }
        return new BillPaymentTaken.Late(status == BillStatus.VOIDED ? RefundReason.BILL_LATE_VOIDED
                : RefundReason.BILL_LATE_ALREADY_PAID);
    }

    @CommandHandler
    public String handle(NamePaidOrder cmd) {
        return outTradeNo;
    }

    @CommandHandler
    public void handle(VoidBill cmd) {
        if (status == BillStatus.VOIDED) {
            return;
        }
        if (status == BillStatus.PAID) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_VOIDABLE);
        }
        apply(new BillVoided(billId, cmd.reason(), cmd.operator()));
    }

    /** Answers the amount refunded (the first answer again for a repeated out_refund_no). */
    @CommandHandler
    public long handle(RecordBillItemRefund cmd) {
        PaymentIds.requireValid(cmd.outRefundNo());
        Line line = lineOf(cmd.line());
        long amount = amountOf(line, cmd.amountFen(), cmd.quantity());
        if (refundLines.containsKey(cmd.outRefundNo())) {
            if (refundLines.get(cmd.outRefundNo()) != cmd.line() || refundAmounts.get(cmd.outRefundNo()) != amount) {
                throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                        "The refund number " + cmd.outRefundNo() + " was already used for another refund.");
            }
            return amount; // a retried refund
        }
        // staff refunds directly what the line still has; an approved request is no longer pending here
        requireRefundable(cmd.line(), line, amount, cmd.quantity(), 0, 0);
        int quantity = cmd.quantity() == null ? 0 : cmd.quantity();
        apply(new BillItemRefunded(billId, cmd.line(), amount, quantity, cmd.outRefundNo(), outTradeNo, cmd.reason(),
                cmd.operator(), line.refundedFen() + amount, line.refundedQuantity() + quantity, refundedFen + amount));
        return amount;
    }

    /**
     * A patient's refund request of part of a line: within what the line still has, less what other
     * pending requests of that line ask. The same request id again answers the first request.
     */
    @CommandHandler
    public RequestedBillRefund handle(OpenRefundRequest cmd) {
        if (!patientId.equals(cmd.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        Line line = lineOf(cmd.line());
        long amount = amountOf(line, cmd.amountFen(), cmd.quantity());
        int quantity = cmd.quantity() == null ? 0 : cmd.quantity();
        RefundRequest earlier = refundRequests.get(cmd.requestId());
        if (earlier != null) {
            if (earlier.line() != cmd.line() || earlier.amountFen() != amount || earlier.quantity() != quantity) {
                throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT);
            }
            return answer(cmd.requestId(), earlier, true);
        }
        long pendingFen = 0;
        int pendingQuantity = 0;
        for (RefundRequest request : refundRequests.values()) {
            if (request.line() == cmd.line() && request.status() == BillRefundRequestStatus.PENDING) {
                pendingFen += request.amountFen();
                pendingQuantity += request.quantity();
            }
        }
        requireRefundable(cmd.line(), line, amount, cmd.quantity(), pendingFen, pendingQuantity);
        apply(new BillRefundRequested(billId, cmd.requestId(), cmd.patientId(), cmd.accountId(), cmd.line(), amount,
                quantity, cmd.reason()));
        return answer(cmd.requestId(), refundRequests.get(cmd.requestId()), false);
    }

    /** Approves a pending request (a repeat answers it again); its refund is then made by the money room. */
    @CommandHandler
    public RefundRequest handle(ApproveRefundRequest cmd) {
        RefundRequest request = requestOf(cmd.requestId());
        if (request.status() == BillRefundRequestStatus.REJECTED) {
            throw new BusinessRuleViolation(ErrorCode.BILL_REFUND_REQUEST_DECIDED, "The request was rejected.");
        }
        if (request.status() == BillRefundRequestStatus.PENDING) {
            PaymentIds.requireValid(cmd.outRefundNo());
            apply(new BillRefundRequestApproved(billId, cmd.requestId(), cmd.outRefundNo(), cmd.operator()));
        }
        return refundRequests.get(cmd.requestId());
    }

    @CommandHandler
    public BillRefundRequestStatus handle(RejectBillRefundRequest cmd) {
        RefundRequest request = requestOf(cmd.requestId());
        if (request.status() == BillRefundRequestStatus.APPROVED) {
            throw new BusinessRuleViolation(ErrorCode.BILL_REFUND_REQUEST_DECIDED, "The request was approved.");
        }
        if (request.status() == BillRefundRequestStatus.PENDING) {
            apply(new BillRefundRequestRejected(billId, cmd.requestId(), cmd.reason(), cmd.operator()));
        }
        return BillRefundRequestStatus.REJECTED;
    }

    private Line lineOf(int number) {
        Line line = lines.get(number);
        if (line == null) {
            throw new BusinessRuleViolation(ErrorCode.BILL_ITEM_NOT_FOUND);
        }
        return line;
    }

    private RefundRequest requestOf(String requestId) {
        RefundRequest request = refundRequests.get(requestId);
        if (request == null) {
            throw new BusinessRuleViolation(ErrorCode.BILL_REFUND_REQUEST_NOT_FOUND);
        }
        return request;
    }

    /** What a refund by quantity (units × unit price) or by amount comes to: exactly one of them. */
    private static long amountOf(Line line, Long amountFen, Integer quantity) {
        if ((amountFen == null) == (quantity == null)) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Refund either a quantity or an amount.");
        }
        return quantity != null ? (long) quantity * line.unitPriceFen() : amountFen;
    }

    /** The bill is paid, and the line still has the amount (and units) beyond what is already held back. */
    private void requireRefundable(int number, Line line, long amount, Integer quantity, long heldFen, int heldQuantity) {
        if (status != BillStatus.PAID) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_REFUNDABLE);
        }
        int units = line.quantity() - line.refundedQuantity() - heldQuantity;
        if (quantity != null && (quantity < 1 || quantity > units)) {
            throw new BusinessRuleViolation(ErrorCode.BILL_REFUND_EXCEEDS_ITEM, ProblemMessage.of(
                    "bill.refund-exceeds-quantity", "line", number, "refundableQuantity", Math.max(units, 0)));
        }
        if (amount < 1) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        long refundable = line.amountFen() - line.refundedFen() - heldFen;
        if (amount > refundable) {
            throw new BusinessRuleViolation(ErrorCode.BILL_REFUND_EXCEEDS_ITEM, ProblemMessage.of(
                    "bill.refund-exceeds-amount", "line", number, "refundableFen", Math.max(refundable, 0), "requestedFen", amount));
        }
    }

    @CommandHandler
    public List<BillItem> handle(DescribeBillItems cmd) {
        return items;
    }

    private RequestedBillRefund answer(String requestId, RefundRequest request, boolean repeated) {
        return new RequestedBillRefund(requestId, billId, request.line(), request.amountFen(), request.quantity(),
                request.status(), repeated);
    }

    @EventSourcingHandler
    void on(BillIssued event) {
        billId = event.billId();
        patientId = event.patientId();
        totalFen = event.totalFen();
        status = BillStatus.ISSUED;
        items = List.copyOf(event.items());
        for (BillItem item : event.items()) {
            lines.put(item.line(), new Line(item.quantity(), item.unitPriceFen(), item.amountFen(), 0, 0));
        }
    }

    @EventSourcingHandler
    void on(BillPaid event) {
        status = BillStatus.PAID;
        outTradeNo = event.outTradeNo();
        channel = event.channel();
    }

    @EventSourcingHandler
    void on(BillVoided event) {
        status = BillStatus.VOIDED;
    }

    @EventSourcingHandler
    void on(BillItemRefunded event) {
        Line line = lines.get(event.line());
        lines.put(event.line(), new Line(line.quantity(), line.unitPriceFen(), line.amountFen(),
                event.itemRefundedFen(), event.itemRefundedQuantity()));
        refundedFen = event.billRefundedFen();
        refundLines.put(event.outRefundNo(), event.line());
        refundAmounts.put(event.outRefundNo(), event.amountFen());
    }

    @EventSourcingHandler
    void on(BillRefundRequested event) {
        refundRequests.put(event.requestId(), new RefundRequest(event.line(), event.amountFen(), event.quantity(),
                event.reason(), BillRefundRequestStatus.PENDING, null));
    }

    @EventSourcingHandler
    void on(BillRefundRequestApproved event) {
        refundRequests.computeIfPresent(event.requestId(),
                (id, request) -> request.decided(BillRefundRequestStatus.APPROVED, event.outRefundNo()));
    }

    @EventSourcingHandler
    void on(BillRefundRequestRejected event) {
        refundRequests.computeIfPresent(event.requestId(),
                (id, request) -> request.decided(BillRefundRequestStatus.REJECTED, null));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
