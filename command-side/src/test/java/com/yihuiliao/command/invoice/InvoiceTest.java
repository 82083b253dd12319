package com.yihuiliao.command.invoice;

import static com.yihuiliao.command.Violations.violation;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.invoice.InvoiceIssued;
import com.yihuiliao.api.invoice.IssueInvoice;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    static final String ORDER = "RG261124K3M9Q2XW7A";
    static final String ID = IssueInvoice.invoiceIdFor(ORDER);
    static final String NUMBER = "YHL2026112400000007";
    static final Instant PAID = Instant.parse("2026-11-24T02:30:00Z");
    static final String KEY = "invoices/2026/11/24/" + NUMBER + ".pdf";

    private FixtureConfiguration<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
    }

    static IssueInvoice issue(String invoiceNo, long amountFen) {
        return new IssueInvoice(ID, invoiceNo, ORDER, "p1", amountFen, PaymentPurpose.REGISTRATION,
                PaymentChannel.BALANCE, "BAL" + ORDER, KEY, PAID);
    }

    static InvoiceIssued issued() {
        return new InvoiceIssued(ID, NUMBER, ORDER, "p1", 3_000, PaymentPurpose.REGISTRATION, PaymentChannel.BALANCE,
                "BAL" + ORDER, KEY, PAID);
    }

    @Test
    void aPaymentsInvoiceIsIssued() {
        fixture.givenNoPriorActivity()
                .when(issue(NUMBER, 3_000))
                .expectSuccessfulHandlerExecution()
                .expectEvents(issued())
                .expectResultMessagePayload(NUMBER);
    }

    @Test
    void aRepeatIsANoOpAnsweringTheFirstNumber() {
        fixture.given(issued())
                .when(issue(NUMBER, 3_000))
                .expectNoEvents()
                .expectResultMessagePayload(NUMBER);
    }

    @Test
    void aRepeatWithAnotherNumberStillIssuesNothingNew() {
        fixture.given(issued())
                .when(issue("YHL2026112400000099", 3_000))
                .expectNoEvents()
                .expectResultMessagePayload(NUMBER);
    }

    @Test
    void aRepeatWithAnotherAmountIsAConflict() {
        fixture.given(issued())
                .when(issue(NUMBER, 3_001))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVOICE_CONFLICT));
    }

    @Test
    void theIdFollowsFromTheOrder() {
        fixture.givenNoPriorActivity()
                .when(new IssueInvoice("INV-OTHER", NUMBER, ORDER, "p1", 3_000, PaymentPurpose.REGISTRATION,
                        PaymentChannel.BALANCE, "t", KEY, PAID))
                .expectNoEvents()
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void badNumbersAndAmountsAreRefused() {
        fixture.givenNoPriorActivity().when(issue("INV-1", 3_000))
                .expectNoEvents().expectException(violation(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity().when(issue(NUMBER, 0))
                .expectNoEvents().expectException(violation(ErrorCode.INVALID_AMOUNT));
    }
}
