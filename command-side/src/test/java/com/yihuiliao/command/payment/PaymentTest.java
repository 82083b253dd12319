package com.yihuiliao.command.payment;

import static com.yihuiliao.command.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.payment.ClosePayment;
import com.yihuiliao.api.payment.CloseReason;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundReservationReleased;
import com.yihuiliao.api.payment.RefundReserved;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.command.ids.PaymentIds;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTest {

    static final String ORDER = "RG261124AAAA";
    static final String APPOINTMENT = "apt-1";
    static final String PATIENT = "p1";
    static final long AMOUNT = 1_000;
    static final String TXN = "4200001234";

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    static CreatePayment create(String outTradeNo, long amount) {
        return new CreatePayment(outTradeNo, PaymentPurpose.REGISTRATION, APPOINTMENT, PATIENT, amount,
                PaymentChannel.WECHAT);
    }

    static PaymentCreated created() {
        return new PaymentCreated(ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, PATIENT, AMOUNT,
                PaymentChannel.WECHAT);
    }

    static PaymentSucceeded succeeded() {
        return new PaymentSucceeded(ORDER, TXN, AMOUNT, PaymentPurpose.REGISTRATION, APPOINTMENT, PATIENT,
                PaymentChannel.WECHAT);
    }

    /** The order was created and paid; then {@code more} happened to it. */
    TestExecutor<Payment> givenPaid(Object... more) {
        Object[] events = new Object[more.length + 2];
        events[0] = created();
        events[1] = succeeded();
        System.arraycopy(more, 0, events, 2, more.length);
        return fixture.given(events);
    }

    static PaymentClosed closedAtExpiry() {
        return new PaymentClosed(ORDER, CloseReason.HOLD_EXPIRED, null);
    }

    /** 300 of the 1,000 fen reserved for RF-000001. */
    static RefundReserved reservedPart() {
        return new RefundReserved(ORDER, "RF-000001", 300, 700);
    }

    static ReserveRefund reserve(String outRefundNo, long amountFen) {
        return new ReserveRefund(ORDER, outRefundNo, amountFen);
    }

    // --- ids --------------------------------------------------------------------------------------

    @Test
    void ids_areReadableAndValid() {
        String id = PaymentIds.next("RG");
        assertThat(id).matches("^RG\\d{6}[0-9A-Z]{10}$");
        assertThat(PaymentIds.isValid(id)).isTrue();
        assertThat(PaymentIds.isValid("ab-_12")).isTrue();
        assertThat(PaymentIds.isValid("abc12")).isFalse();
        assertThat(PaymentIds.isValid("a".repeat(33))).isFalse();
        assertThat(PaymentIds.isValid("RG2611 24")).isFalse();
        assertThat(PaymentIds.isValid(null)).isFalse();
    }

    @Test
    void ids_carryTheShanghaiBusinessDate() {
        org.axonframework.eventhandling.GenericEventMessage.clock =
                java.time.Clock.fixed(Instant.parse("2026-11-24T17:30:00Z"), java.time.ZoneOffset.UTC);
        try {
            assertThat(PaymentIds.next("RG")).startsWith("RG261125");
        } finally {
            org.axonframework.eventhandling.GenericEventMessage.clock = java.time.Clock.systemUTC();
        }
    }

    // --- create -----------------------------------------------------------------------------------

    @Test
    void create_opensAnUnpaidOrder() {
        fixture.givenNoPriorActivity()
                .when(create(ORDER, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created())
                .expectState(payment -> {
                    assertThat(payment.status()).isEqualTo(PaymentStatus.CREATED);
                    assertThat(payment.refundable()).isZero();
                });
    }

    @Test
    void create_aZeroAmountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create(ORDER, 0))
                .expectException(violation(ErrorCode.INVALID_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void create_aNegativeAmountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create(ORDER, -100))
                .expectException(violation(ErrorCode.INVALID_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void create_anOrderNumberShorterThan6IsRefused() {
        fixture.givenNoPriorActivity()
                .when(create("RG123", AMOUNT))
                .expectException(violation(ErrorCode.INVALID_PAYMENT_ID))
                .expectNoEvents();
    }

    @Test
    void create_anOrderNumberWithOtherCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create("RG1234:5678", AMOUNT))
                .expectException(violation(ErrorCode.INVALID_PAYMENT_ID))
                .expectNoEvents();
    }

    @Test
    void create_withoutAChannelIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePayment(ORDER, PaymentPurpose.TOPUP, "t-1", PATIENT, AMOUNT, null))
                .expectException(violation(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    // --- paid -------------------------------------------------------------------------------------

    @Test
    void succeeded_recordsThePayment() {
        fixture.given(created())
                .when(new RecordPaymentSucceeded(ORDER, TXN, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(succeeded())
                .expectState(payment -> {
                    assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
                    assertThat(payment.refundable()).isEqualTo(AMOUNT);
                });
    }

    @Test
    void succeeded_aRepeatWithTheSameTransactionIsANoOp() {
        givenPaid()
                .when(new RecordPaymentSucceeded(ORDER, TXN, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void succeeded_aSecondTransactionIsRefused() {
        givenPaid()
                .when(new RecordPaymentSucceeded(ORDER, "4200009999", AMOUNT))
                .expectException(violation(ErrorCode.PAYMENT_NOT_PAYABLE))
                .expectNoEvents();
    }

    @Test
    void succeeded_anotherAmountIsRefused() {
        fixture.given(created())
                .when(new RecordPaymentSucceeded(ORDER, TXN, AMOUNT - 1))
                .expectException(violation(ErrorCode.PAYMENT_AMOUNT_MISMATCH))
                .expectExceptionMessage("Paid 999 fen for an order of 1000 fen.")
                .expectNoEvents();
    }

    @Test
    void succeeded_refusedOnceClosed() {
        fixture.given(created(), closedAtExpiry())
                .when(new RecordPaymentSucceeded(ORDER, TXN, AMOUNT))
                .expectException(violation(ErrorCode.PAYMENT_NOT_PAYABLE))
                .expectNoEvents();
    }

    @Test
    void succeeded_withoutATransactionIsRefused() {
        fixture.given(created())
                .when(new RecordPaymentSucceeded(ORDER, " ", AMOUNT))
                .expectException(violation(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    // --- close ------------------------------------------------------------------------------------

    @Test
    void close_anUnpaidOrder() {
        fixture.given(created())
                .when(new ClosePayment(ORDER, CloseReason.HOLD_EXPIRED))
                .expectEvents(new PaymentClosed(ORDER, CloseReason.HOLD_EXPIRED, null))
                .expectState(payment -> assertThat(payment.status()).isEqualTo(PaymentStatus.CLOSED));
    }

    @Test
    void close_aRepeatIsANoOp() {
        fixture.given(created(), closedAtExpiry())
                .when(new ClosePayment(ORDER, CloseReason.HOLD_EXPIRED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void close_refusedOncePaid() {
        givenPaid()
                .when(new ClosePayment(ORDER, CloseReason.HOLD_EXPIRED))
                .expectException(violation(ErrorCode.PAYMENT_ALREADY_PAID))
                .expectNoEvents();
    }

    // --- reserve a refund -------------------------------------------------------------------------

    @Test
    void reserve_partOfWhatWasPaid() {
        givenPaid()
                .when(reserve("RF-000001", 300))
                .expectEvents(new RefundReserved(ORDER, "RF-000001", 300, 700))
                .expectState(payment -> assertThat(payment.refundable()).isEqualTo(700));
    }

    @Test
    void reserve_allOfIt() {
        givenPaid()
                .when(reserve("RF-000001", AMOUNT))
                .expectEvents(new RefundReserved(ORDER, "RF-000001", AMOUNT, 0));
    }

    @Test
    void reserve_moreThanPaidIsRefused() {
        givenPaid()
                .when(reserve("RF-000001", AMOUNT + 1))
                .expectException(violation(ErrorCode.REFUND_EXCEEDS_PAID))
                .expectNoEvents();
    }

    @Test
    void reserve_countsWhatIsRefundedAndWhatIsReserved() {
        // paid 1000, refunded 300, 400 reserved: 300 remain
        givenPaid(reservedPart(),
                new RefundSettled(ORDER, "RF-000001", 300, 300),
                new RefundReserved(ORDER, "RF-000002", 400, 300))
                .when(reserve("RF-000003", 301))
                .expectException(violation(ErrorCode.REFUND_EXCEEDS_PAID))
                .expectExceptionMessage("At most 300 fen of this payment can be refunded; asked 301.")
                .expectNoEvents();
    }

    @Test
    void reserve_exactlyWhatRemains() {
        givenPaid(reservedPart(),
                new RefundSettled(ORDER, "RF-000001", 300, 300),
                new RefundReserved(ORDER, "RF-000002", 400, 300))
                .when(reserve("RF-000003", 300))
                .expectEvents(new RefundReserved(ORDER, "RF-000003", 300, 0));
    }

    @Test
    void reserve_aReleasedReservationIsRefundableAgain() {
        givenPaid(new RefundReserved(ORDER, "RF-000001", AMOUNT, 0),
                new RefundReservationReleased(ORDER, "RF-000001", AMOUNT, AMOUNT))
                .when(reserve("RF-000002", AMOUNT))
                .expectEvents(new RefundReserved(ORDER, "RF-000002", AMOUNT, 0));
    }

    @Test
    void reserve_aRepeatOfTheSameRefundIsANoOp() {
        givenPaid(reservedPart())
                .when(reserve("RF-000001", 300))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reserve_aRepeatAfterItWasSettledIsANoOp() {
        givenPaid(new RefundReserved(ORDER, "RF-000001", AMOUNT, 0),
                new RefundSettled(ORDER, "RF-000001", AMOUNT, AMOUNT))
                .when(reserve("RF-000001", AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reserve_theSameRefundNumberWithAnotherAmountIsRefused() {
        givenPaid(reservedPart())
                .when(reserve("RF-000001", 400))
                .expectException(violation(ErrorCode.IDEMPOTENCY_CONFLICT))
                .expectNoEvents();
    }

    @Test
    void reserve_refusedWhileUnpaid() {
        fixture.given(created())
                .when(reserve("RF-000001", 300))
                .expectException(violation(ErrorCode.PAYMENT_NOT_REFUNDABLE))
                .expectNoEvents();
    }

    @Test
    void reserve_refusedWhenClosed() {
        fixture.given(created(), closedAtExpiry())
                .when(reserve("RF-000001", 300))
                .expectException(violation(ErrorCode.PAYMENT_NOT_REFUNDABLE))
                .expectNoEvents();
    }

    @Test
    void reserve_aZeroAmountIsRefused() {
        givenPaid()
                .when(reserve("RF-000001", 0))
                .expectException(violation(ErrorCode.INVALID_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void reserve_aMalformedRefundNumberIsRefused() {
        givenPaid()
                .when(reserve("RF 1", 100))
                .expectException(violation(ErrorCode.INVALID_PAYMENT_ID))
                .expectNoEvents();
    }

    // --- settle / release -------------------------------------------------------------------------

    @Test
    void settle_makesTheReservationRefunded() {
        givenPaid(reservedPart())
                .when(new SettleRefundReservation(ORDER, "RF-000001"))
                .expectEvents(new RefundSettled(ORDER, "RF-000001", 300, 300))
                .expectState(payment -> {
                    assertThat(payment.refundedFen()).isEqualTo(300);
                    assertThat(payment.refundable()).isEqualTo(700);
                });
    }

    @Test
    void settle_aRepeatIsANoOp() {
        givenPaid(reservedPart(),
                new RefundSettled(ORDER, "RF-000001", 300, 300))
                .when(new SettleRefundReservation(ORDER, "RF-000001"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void settle_anUnknownRefundIsRefused() {
        givenPaid()
                .when(new SettleRefundReservation(ORDER, "RF-000009"))
                .expectException(violation(ErrorCode.REFUND_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void settle_refusedOnceReleased() {
        givenPaid(reservedPart(),
                new RefundReservationReleased(ORDER, "RF-000001", 300, AMOUNT))
                .when(new SettleRefundReservation(ORDER, "RF-000001"))
                .expectException(violation(ErrorCode.REFUND_ALREADY_FINAL))
                .expectNoEvents();
    }

    @Test
    void release_makesTheAmountRefundableAgain() {
        givenPaid(reservedPart())
                .when(new ReleaseRefundReservation(ORDER, "RF-000001"))
                .expectEvents(new RefundReservationReleased(ORDER, "RF-000001", 300, AMOUNT))
                .expectState(payment -> assertThat(payment.refundable()).isEqualTo(AMOUNT));
    }

    @Test
    void release_aRepeatIsANoOp() {
        givenPaid(reservedPart(),
                new RefundReservationReleased(ORDER, "RF-000001", 300, AMOUNT))
                .when(new ReleaseRefundReservation(ORDER, "RF-000001"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void release_refusedOnceSettled() {
        givenPaid(reservedPart(),
                new RefundSettled(ORDER, "RF-000001", 300, 300))
                .when(new ReleaseRefundReservation(ORDER, "RF-000001"))
                .expectException(violation(ErrorCode.REFUND_ALREADY_FINAL))
                .expectNoEvents();
    }

    @Test
    void release_anUnknownRefundIsRefused() {
        givenPaid()
                .when(new ReleaseRefundReservation(ORDER, "RF-000009"))
                .expectException(violation(ErrorCode.REFUND_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refundedNeverExceedsPaid_throughCommands() {
        fixture.givenCommands(create(ORDER, AMOUNT), new RecordPaymentSucceeded(ORDER, TXN, AMOUNT),
                        new ReserveRefund(ORDER, "RF-000001", 600),
                        new SettleRefundReservation(ORDER, "RF-000001"),
                        new ReserveRefund(ORDER, "RF-000002", 400),
                        new ReleaseRefundReservation(ORDER, "RF-000002"),
                        new ReserveRefund(ORDER, "RF-000003", 400),
                        new SettleRefundReservation(ORDER, "RF-000003"))
                .when(reserve("RF-000004", 1))
                .expectException(violation(ErrorCode.REFUND_EXCEEDS_PAID))
                .expectNoEvents();
    }

    @Test
    void refundedAddsUpTheSettledRefunds_throughCommands() {
        fixture.givenCommands(create(ORDER, AMOUNT), new RecordPaymentSucceeded(ORDER, TXN, AMOUNT),
                        new ReserveRefund(ORDER, "RF-000001", 600),
                        new SettleRefundReservation(ORDER, "RF-000001"),
                        new ReserveRefund(ORDER, "RF-000002", 400),
                        new ReleaseRefundReservation(ORDER, "RF-000002"),
                        new ReserveRefund(ORDER, "RF-000003", 400))
                .when(new SettleRefundReservation(ORDER, "RF-000003"))
                .expectEvents(new RefundSettled(ORDER, "RF-000003", 400, AMOUNT))
                .expectState(payment -> {
                    assertThat(payment.refundedFen()).isEqualTo(AMOUNT);
                    assertThat(payment.refundable()).isZero();
                });
    }
}
