package com.yihuiliao.command.bill;

import static com.yihuiliao.command.Violations.violation;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.bill.BillIssued;
import com.yihuiliao.api.bill.BillItem;
import com.yihuiliao.api.bill.BillItemCategory;
import com.yihuiliao.api.bill.BillItemRefunded;
import com.yihuiliao.api.bill.BillPaid;
import com.yihuiliao.api.bill.BillRefundRequestApproved;
import com.yihuiliao.api.bill.BillRefundRequestRejected;
import com.yihuiliao.api.bill.BillRefundRequestStatus;
import com.yihuiliao.api.bill.BillRefundRequested;
import com.yihuiliao.api.bill.BillVoided;
import com.yihuiliao.api.bill.DescribeBillItems;
import com.yihuiliao.api.bill.IssueBill;
import com.yihuiliao.api.bill.RejectBillRefundRequest;
import com.yihuiliao.api.bill.RequestedBillRefund;
import com.yihuiliao.api.bill.VoidBill;
import com.yihuiliao.api.payment.PaymentChannel;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BillTest {

    static final String BILL = "BI261124AAAAAAAAAA";
    static final String PATIENT = "p1";
    static final String ORDER = "BL261124AAAAAAAAAA";
    static final String OTHER_ORDER = "BLW261124BBBBBBBBBB";
    /** line 1: 2 × 500 = 1,000; line 2: 1 × 3,000 = 3,000. */
    static final List<BillItem> ITEMS = List.of(
            BillItem.of(1, "LAB-001", "血常规", BillItemCategory.LAB, 2, 500),
            BillItem.of(2, "IMG-002", "胸部CT", BillItemCategory.IMAGING, 1, 3_000));
    static final long TOTAL = 4_000;

    private FixtureConfiguration<Bill> fixture;

    /** Issues bills the way {@link BillFlows} does: a new aggregate from the command. */
    class Issuer {
        @CommandHandler
        public void handle(IssueBill cmd) throws Exception {
            fixture.getRepository().newInstance(() -> new Bill(cmd));
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bill.class);
        fixture.registerAnnotatedCommandHandler(new Issuer());
    }

    static IssueBill issue(List<BillItem> items) {
        return new IssueBill(BILL, "HIS-1", PATIENT, items, "dept-1", null, "staff-1");
    }

    static BillIssued issued() {
        return new BillIssued(BILL, "HIS-1", PATIENT, ITEMS, TOTAL, "dept-1", null, "staff-1");
    }

    static BillPaid paid() {
        return new BillPaid(BILL, PATIENT, ORDER, PaymentChannel.BALANCE, TOTAL);
    }

    static RecordBillItemRefund refundAmount(int line, long amount, String outRefundNo) {
        return new RecordBillItemRefund(BILL, line, amount, null, outRefundNo, "test", "staff-2");
    }

    static RecordBillItemRefund refundQuantity(int line, int quantity, String outRefundNo) {
        return new RecordBillItemRefund(BILL, line, null, quantity, outRefundNo, "test", "staff-2");
    }

    static BillItem item(int line, int quantity, long price) {
        return new BillItem(line, "X-" + line, "项目", BillItemCategory.OTHER, quantity, price, (long) quantity * price);
    }

    // --- issuing ----------------------------------------------------------------------------------

    @Test
    void issue_recordsTheLinesAndTheTotal() {
        fixture.givenNoPriorActivity().when(issue(ITEMS)).expectSuccessfulHandlerExecution().expectEvents(issued());
    }

    @Test
    void issue_refusesBadLines() {
        List<List<BillItem>> bad = List.of(
                List.of(),
                IntStream.rangeClosed(1, 51).mapToObj(i -> item(i, 1, 1)).toList(),
                List.of(item(1, 0, 100)),
                List.of(item(1, 1, 0)),
                List.of(item(1, 1, -5)),
                List.of(item(1, 1, 100), item(1, 1, 100)),
                List.of(new BillItem(1, "X", "项目", BillItemCategory.OTHER, 2, 100, 150)),
                List.of(new BillItem(1, "X", "项目", null, 1, 100, 100)),
                List.of(item(1, 1, 10_000_000), item(2, 1, 1)),
                List.of(new BillItem(1, "X", "项目", BillItemCategory.OTHER, 2, Long.MAX_VALUE, -2)));
        for (List<BillItem> items : bad) {
            fixture.givenNoPriorActivity().when(issue(items)).expectException(violation(ErrorCode.INVALID_BILL))
                    .expectNoEvents();
        }
    }

    @Test
    void issue_atTheLimits() {
        List<BillItem> fifty = IntStream.rangeClosed(1, 50).mapToObj(i -> item(i, 1, 200_000)).toList();
        fixture.givenNoPriorActivity().when(issue(fifty))
                .expectEvents(new BillIssued(BILL, "HIS-1", PATIENT, fifty, 10_000_000, "dept-1", null, "staff-1"));
    }

    // --- paying -----------------------------------------------------------------------------------

    @Test
    void pay_once() {
        fixture.given(issued()).when(new MarkBillPaid(BILL, ORDER, PaymentChannel.BALANCE, TOTAL)).expectEvents(paid());
    }

    @Test
    void pay_theSamePaymentAgainChangesNothing() {
        fixture.given(issued(), paid()).when(new MarkBillPaid(BILL, ORDER, PaymentChannel.BALANCE, TOTAL))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void pay_aSecondPaymentIsRefused() {
        fixture.given(issued(), paid()).when(new MarkBillPaid(BILL, OTHER_ORDER, PaymentChannel.WECHAT, TOTAL))
                .expectException(violation(ErrorCode.BILL_ALREADY_PAID)).expectNoEvents();
    }

    @Test
    void pay_anotherAmountIsRefused() {
        fixture.given(issued()).when(new MarkBillPaid(BILL, ORDER, PaymentChannel.BALANCE, TOTAL - 1))
                .expectException(violation(ErrorCode.PAYMENT_AMOUNT_MISMATCH)).expectNoEvents();
    }

    @Test
    void pay_aVoidedBillIsRefused() {
        fixture.given(issued(), new BillVoided(BILL, "wrong", "staff-1"))
                .when(new MarkBillPaid(BILL, ORDER, PaymentChannel.WECHAT, TOTAL))
                .expectException(violation(ErrorCode.BILL_VOIDED)).expectNoEvents();
    }

    // --- voiding ----------------------------------------------------------------------------------

    @Test
    void void_anUnpaidBill() {
        fixture.given(issued()).when(new VoidBill(BILL, "wrong patient", "staff-1"))
                .expectEvents(new BillVoided(BILL, "wrong patient", "staff-1"));
    }

    @Test
    void void_again_changesNothing() {
        fixture.given(issued(), new BillVoided(BILL, "wrong", "staff-1")).when(new VoidBill(BILL, "again", "staff-1"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void void_aPaidBillIsRefused() {
        fixture.given(issued(), paid()).when(new VoidBill(BILL, "too late", "staff-1"))
                .expectException(violation(ErrorCode.BILL_NOT_VOIDABLE)).expectNoEvents();
    }

    // --- item refunds -----------------------------------------------------------------------------

    @Test
    void refund_byQuantity() {
        fixture.given(issued(), paid()).when(refundQuantity(1, 1, "RB0000000001"))
                .expectResultMessagePayload(500L)
                .expectEvents(new BillItemRefunded(BILL, 1, 500, 1, "RB0000000001", ORDER, "test", "staff-2", 500, 1,
                        500));
    }

    @Test
    void refund_partialAmountsAddUp_andNeverExceedTheItem() {
        fixture.given(issued(), paid(),
                        new BillItemRefunded(BILL, 2, 1_000, 0, "RB0000000001", ORDER, "t", "s", 1_000, 0, 1_000),
                        new BillItemRefunded(BILL, 2, 1_500, 0, "RB0000000002", ORDER, "t", "s", 2_500, 0, 2_500))
                .when(refundAmount(2, 501, "RB0000000003"))
                .expectException(violation(ErrorCode.BILL_REFUND_EXCEEDS_ITEM)).expectNoEvents();
        fixture.given(issued(), paid(),
                        new BillItemRefunded(BILL, 2, 1_000, 0, "RB0000000001", ORDER, "t", "s", 1_000, 0, 1_000),
                        new BillItemRefunded(BILL, 2, 1_500, 0, "RB0000000002", ORDER, "t", "s", 2_500, 0, 2_500))
                .when(refundAmount(2, 500, "RB0000000003"))
                .expectEvents(new BillItemRefunded(BILL, 2, 500, 0, "RB0000000003", ORDER, "test", "staff-2", 3_000, 0,
                        3_000));
    }

    @Test
    void refund_oneItemsLimitIsItsOwn() {
        // line 1 paid 1,000: refunding 1,001 of it is refused even though the bill paid 4,000
        fixture.given(issued(), paid()).when(refundAmount(1, 1_001, "RB0000000001"))
                .expectException(violation(ErrorCode.BILL_REFUND_EXCEEDS_ITEM)).expectNoEvents();
    }

    @Test
    void refund_moreUnitsThanRemainIsRefused() {
        fixture.given(issued(), paid(),
                        new BillItemRefunded(BILL, 1, 500, 1, "RB0000000001", ORDER, "t", "s", 500, 1, 500))
                .when(refundQuantity(1, 2, "RB0000000002"))
                .expectException(violation(ErrorCode.BILL_REFUND_EXCEEDS_ITEM)).expectNoEvents();
    }

    @Test
    void refund_theSameNumberAgainRefundsOnce() {
        fixture.given(issued(), paid(),
                        new BillItemRefunded(BILL, 1, 300, 0, "RB0000000001", ORDER, "t", "s", 300, 0, 300))
                .when(refundAmount(1, 300, "RB0000000001"))
                .expectResultMessagePayload(300L).expectNoEvents();
    }

    @Test
    void refund_theSameNumberForAnotherRefundIsAConflict() {
        fixture.given(issued(), paid(),
                        new BillItemRefunded(BILL, 1, 300, 0, "RB0000000001", ORDER, "t", "s", 300, 0, 300))
                .when(refundAmount(2, 300, "RB0000000001"))
                .expectException(violation(ErrorCode.IDEMPOTENCY_CONFLICT)).expectNoEvents();
    }

    @Test
    void refund_ofAnUnpaidBillIsRefused() {
        fixture.given(issued()).when(refundAmount(1, 100, "RB0000000001"))
                .expectException(violation(ErrorCode.BILL_NOT_REFUNDABLE)).expectNoEvents();
    }

    @Test
    void refund_ofAnUnknownLineIsRefused() {
        fixture.given(issued(), paid()).when(refundAmount(3, 100, "RB0000000001"))
                .expectException(violation(ErrorCode.BILL_ITEM_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void refund_namesEitherAQuantityOrAnAmount() {
        fixture.given(issued(), paid())
                .when(new RecordBillItemRefund(BILL, 1, 100L, 1, "RB0000000001", "test", "staff-2"))
                .expectException(violation(ErrorCode.VALIDATION_FAILED)).expectNoEvents();
        fixture.given(issued(), paid())
                .when(new RecordBillItemRefund(BILL, 1, null, null, "RB0000000001", "test", "staff-2"))
                .expectException(violation(ErrorCode.VALIDATION_FAILED)).expectNoEvents();
        fixture.given(issued(), paid()).when(refundAmount(1, 0, "RB0000000001"))
                .expectException(violation(ErrorCode.INVALID_AMOUNT)).expectNoEvents();
    }

    // --- refund requests (退费申请) ----------------------------------------------------------------

    static final String REQUEST = "RQAAAAAAAAAAAAAAAAAAAA";

    static OpenRefundRequest ask(String requestId, int line, Long amount, Integer quantity) {
        return new OpenRefundRequest(BILL, requestId, PATIENT, "acct-1", line, amount, quantity, "开错了药");
    }

    static BillRefundRequested asked(String requestId, int line, long amount, int quantity) {
        return new BillRefundRequested(BILL, requestId, PATIENT, "acct-1", line, amount, quantity, "开错了药");
    }

    @Test
    void refundRequest_ofAPaidLine_isPendingAndARepeatAsksOnce() {
        fixture.given(issued(), paid())
                .when(ask(REQUEST, 1, null, 1))
                .expectEvents(asked(REQUEST, 1, 500, 1))
                .expectResultMessagePayload(new RequestedBillRefund(REQUEST, BILL, 1, 500, 1,
                        BillRefundRequestStatus.PENDING, false));
        fixture.given(issued(), paid(), asked(REQUEST, 1, 500, 1))
                .when(ask(REQUEST, 1, null, 1))
                .expectNoEvents()
                .expectResultMessagePayload(new RequestedBillRefund(REQUEST, BILL, 1, 500, 1,
                        BillRefundRequestStatus.PENDING, true));
        fixture.given(issued(), paid(), asked(REQUEST, 1, 500, 1))
                .when(ask(REQUEST, 2, 100L, null))
                .expectException(violation(ErrorCode.IDEMPOTENCY_CONFLICT));
    }

    @Test
    void refundRequests_neverAskMoreThanTheLineHasBeyondOtherPendingRequests() {
        // line 2 paid 3,000: 2,000 already refunded, 600 pending → at most 400 more
        fixture.given(issued(), paid(),
                        new BillItemRefunded(BILL, 2, 2_000, 0, "RB1111", ORDER, "test", "staff-2", 2_000, 0, 2_000),
                        asked("RQ-first-request-01", 2, 600, 0))
                .when(ask(REQUEST, 2, 401L, null))
                .expectException(violation(ErrorCode.BILL_REFUND_EXCEEDS_ITEM));
        fixture.given(issued(), paid(), asked("RQ-first-request-01", 1, 500, 1))
                .when(ask(REQUEST, 1, null, 2))
                .expectException(violation(ErrorCode.BILL_REFUND_EXCEEDS_ITEM));
        // a rejected request holds nothing back
        fixture.given(issued(), paid(), asked("RQ-first-request-01", 1, 1_000, 2),
                        new BillRefundRequestRejected(BILL, "RQ-first-request-01", "已取药", "staff-2"))
                .when(ask(REQUEST, 1, null, 2))
                .expectEvents(asked(REQUEST, 1, 1_000, 2));
    }

    @Test
    void refundRequest_ofAnUnpaidBillOrAnUnknownLine_isRefused() {
        fixture.given(issued()).when(ask(REQUEST, 1, null, 1)).expectException(violation(ErrorCode.BILL_NOT_REFUNDABLE));
        fixture.given(issued(), paid()).when(ask(REQUEST, 9, 1L, null))
                .expectException(violation(ErrorCode.BILL_ITEM_NOT_FOUND));
    }

    @Test
    void approval_isDecidedOnce_andFreesTheLineForItsRefund() {
        fixture.given(issued(), paid(), asked(REQUEST, 1, 500, 1))
                .when(new ApproveRefundRequest(BILL, REQUEST, "RR1234567", "staff-2"))
                .expectEvents(new BillRefundRequestApproved(BILL, REQUEST, "RR1234567", "staff-2"));
        // the approved request no longer holds the line back: its own refund goes through
        fixture.given(issued(), paid(), asked(REQUEST, 1, 1_000, 2),
                        new BillRefundRequestApproved(BILL, REQUEST, "RR1234567", "staff-2"))
                .when(refundQuantity(1, 2, "RR1234567"))
                .expectEvents(new BillItemRefunded(BILL, 1, 1_000, 2, "RR1234567", ORDER, "test", "staff-2", 1_000, 2,
                        1_000));
        fixture.given(issued(), paid(), asked(REQUEST, 1, 500, 1),
                        new BillRefundRequestApproved(BILL, REQUEST, "RR1234567", "staff-2"))
                .when(new ApproveRefundRequest(BILL, REQUEST, "RR1234567", "staff-3"))
                .expectNoEvents();
        fixture.given(issued(), paid(), asked(REQUEST, 1, 500, 1),
                        new BillRefundRequestApproved(BILL, REQUEST, "RR1234567", "staff-2"))
                .when(new RejectBillRefundRequest(BILL, REQUEST, "不退", "staff-3"))
                .expectException(violation(ErrorCode.BILL_REFUND_REQUEST_DECIDED));
    }

    @Test
    void rejection_isFinal_andAnUnknownRequestIsNotFound() {
        fixture.given(issued(), paid(), asked(REQUEST, 1, 500, 1))
                .when(new RejectBillRefundRequest(BILL, REQUEST, "已取药", "staff-2"))
                .expectEvents(new BillRefundRequestRejected(BILL, REQUEST, "已取药", "staff-2"));
        fixture.given(issued(), paid(), asked(REQUEST, 1, 500, 1),
                        new BillRefundRequestRejected(BILL, REQUEST, "已取药", "staff-2"))
                .when(new ApproveRefundRequest(BILL, REQUEST, "RR1234567", "staff-3"))
                .expectException(violation(ErrorCode.BILL_REFUND_REQUEST_DECIDED));
        fixture.given(issued(), paid())
                .when(new RejectBillRefundRequest(BILL, "RQ-unknown-request-1", "x", "staff-2"))
                .expectException(violation(ErrorCode.BILL_REFUND_REQUEST_NOT_FOUND));
    }

    @Test
    void describeItems_answersTheLinesAsIssuedEvenAfterRefunds() {
        fixture.given(issued(), paid())
                .when(new DescribeBillItems(BILL))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ITEMS)
                .expectNoEvents();
    }
}
