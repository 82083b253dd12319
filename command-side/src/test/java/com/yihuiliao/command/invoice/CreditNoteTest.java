package com.yihuiliao.command.invoice;

import static com.yihuiliao.command.Violations.violation;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.invoice.CreditNoteIssued;
import com.yihuiliao.api.invoice.IssueCreditNote;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreditNoteTest {

    static final String ORDER = "RG261124K3M9Q2XW7A";
    static final String REFUND = "RF261124P3M9Q2XW7B";
    static final String ID = IssueCreditNote.creditNoteIdFor(REFUND);
    static final String NUMBER = "YHL2026112500000012";
    static final String ORIGINAL = "YHL2026112400000007";
    static final Instant REFUNDED = Instant.parse("2026-11-25T01:00:00Z");
    static final String KEY = "invoices/2026/11/25/" + NUMBER + ".pdf";

    private FixtureConfiguration<CreditNote> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CreditNote.class);
    }

    static IssueCreditNote issue(String id, String original, long amountFen) {
        return new IssueCreditNote(id, NUMBER, REFUND, ORDER, original, "p1", amountFen, PaymentPurpose.REGISTRATION,
                PaymentChannel.WECHAT, KEY, REFUNDED);
    }

    static CreditNoteIssued issued() {
        return new CreditNoteIssued(ID, NUMBER, REFUND, ORDER, ORIGINAL, "p1", 1_000, PaymentPurpose.REGISTRATION,
                PaymentChannel.WECHAT, KEY, REFUNDED);
    }

    @Test
    void aRefundsCreditNoteIsIssuedAgainstTheInvoice() {
        fixture.givenNoPriorActivity()
                .when(issue(ID, ORIGINAL, 1_000))
                .expectEvents(issued())
                .expectResultMessagePayload(NUMBER);
    }

    @Test
    void aRepeatIsANoOpAnsweringTheFirstNumber() {
        fixture.given(issued())
                .when(issue(ID, ORIGINAL, 1_000))
                .expectNoEvents()
                .expectResultMessagePayload(NUMBER);
    }

    @Test
    void aRepeatWithAnotherAmountIsAConflict() {
        fixture.given(issued())
                .when(issue(ID, ORIGINAL, 999))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVOICE_CONFLICT));
    }

    @Test
    void itNamesTheInvoiceItCancels() {
        fixture.givenNoPriorActivity()
                .when(issue(ID, null, 1_000))
                .expectNoEvents()
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void theIdFollowsFromTheRefund() {
        fixture.givenNoPriorActivity()
                .when(issue("CRN-OTHER", ORIGINAL, 1_000))
                .expectNoEvents()
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void nothingOrLessIsNoCreditNote() {
        fixture.givenNoPriorActivity()
                .when(issue(ID, ORIGINAL, 0))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_AMOUNT));
    }
}
