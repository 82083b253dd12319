package com.yihuiliao.command.exam;

import static com.yihuiliao.command.Violations.violation;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.exam.ExamBooked;
import com.yihuiliao.api.exam.ExamBookingCancelled;
import com.yihuiliao.api.exam.ExamBookingExpired;
import com.yihuiliao.api.exam.ExamBookingPaid;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.refund.RefundReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An exam booking is paid once, answers a late payment with its reason, and is cancelled before its deadline. */
class ExamBookingPaymentTest {

    static final Instant BOOKED_AT = Instant.parse("2026-12-05T02:00:00Z");
    static final Instant PAY_BY = BOOKED_AT.plus(Duration.ofMinutes(30));
    /** 17:00 Beijing time on 9 December, the day before the exam. */
    static final Instant CANCEL_UNTIL = Instant.parse("2026-12-09T09:00:00Z");
    static final ExamBooked BOOKED = new ExamBooked("b1", "TJ20261210ABCDEF1234", "examday:pkg-1:2026-12-10", "p1",
            "pkg-1", "入职体检", LocalDate.of(2026, 12, 10), 39_900, "07:30-09:30", "体检中心", "空腹", PAY_BY,
            CANCEL_UNTIL);
    static final ExamBookingPaid PAID = new ExamBookingPaid("b1", BOOKED.examDayId(), "p1", "EX261205AAAA",
            PaymentChannel.BALANCE, 39_900);

    private FixtureConfiguration<ExamBooking> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ExamBooking.class);
    }

    @Test
    void aHeldBookingQuotesItsPriceUntilPayBy() {
        fixture.given(BOOKED)
                .when(new QuoteExamFee("b1", "p1"))
                .expectResultMessagePayload(new ExamFee.Payable(39_900, PAY_BY))
                .expectNoEvents();
    }

    @Test
    void anotherPatientsBookingIsUnknown() {
        fixture.given(BOOKED)
                .when(new QuoteExamFee("b1", "p2"))
                .expectException(violation(ErrorCode.EXAM_BOOKING_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aHeldBookingIsPaidByTheOrder() {
        fixture.givenCurrentTime(BOOKED_AT).andGivenCommands(new OpenExamBooking(BOOKED))
                .when(new TakeExamPayment("b1", "EX261205AAAA", PaymentChannel.BALANCE, 39_900))
                .expectResultMessagePayload(new ExamPaymentTaken.Paid())
                .expectEvents(PAID);
    }

    @Test
    void aPaidBookingDoesNotExpire() {
        fixture.givenCurrentTime(BOOKED_AT).andGivenCommands(new OpenExamBooking(BOOKED),
                        new TakeExamPayment("b1", "EX261205AAAA", PaymentChannel.BALANCE, 39_900))
                .whenTimeAdvancesTo(PAY_BY)
                .expectNoEvents();
    }

    @Test
    void aPaidBookingQuotesItsOrderSoARetryAnswersIt() {
        fixture.given(BOOKED, PAID)
                .when(new QuoteExamFee("b1", "p1"))
                .expectResultMessagePayload(new ExamFee.PaidBy("EX261205AAAA", 39_900));
    }

    @Test
    void theSameNotificationAgainIsTakenOnce() {
        fixture.given(BOOKED, PAID)
                .when(new TakeExamPayment("b1", "EX261205AAAA", PaymentChannel.BALANCE, 39_900))
                .expectResultMessagePayload(new ExamPaymentTaken.Paid())
                .expectNoEvents();
    }

    @Test
    void aPaymentAfterExpiryIsLate() {
        fixture.given(BOOKED, new ExamBookingExpired("b1", BOOKED.examDayId(), "p1"))
                .when(new TakeExamPayment("b1", "EXWLATE", PaymentChannel.WECHAT, 39_900))
                .expectResultMessagePayload(new ExamPaymentTaken.Late(RefundReason.LATE_AFTER_EXPIRY))
                .expectNoEvents();
    }

    @Test
    void aSecondPaymentIsLateAsAlreadyPaid() {
        fixture.given(BOOKED, PAID)
                .when(new TakeExamPayment("b1", "EXWOTHER", PaymentChannel.WECHAT, 39_900))
                .expectResultMessagePayload(new ExamPaymentTaken.Late(RefundReason.LATE_ALREADY_PAID))
                .expectNoEvents();
    }

    @Test
    void anExpiredBookingCannotBePaid() {
        fixture.given(BOOKED, new ExamBookingExpired("b1", BOOKED.examDayId(), "p1"))
                .when(new QuoteExamFee("b1", "p1"))
                .expectResultMessagePayload(new ExamFee.NotPayable("EXPIRED"));
    }

    @Test
    void thePatientCancelsAPaidBookingBeforeTheDeadlineAndIsToldWhichOrderToRefund() {
        fixture.given(BOOKED, PAID)
                .andGivenCurrentTime(CANCEL_UNTIL.minusSeconds(1))
                .when(new CancelExam("b1", "p1", false, "改期"))
                .expectResultMessagePayload("EX261205AAAA")
                .expectEvents(new ExamBookingCancelled("b1", BOOKED.examDayId(), "p1", CancelledBy.PATIENT, "改期",
                        "EX261205AAAA"));
    }

    @Test
    void anUnpaidBookingCancelsWithNothingToRefund() {
        fixture.given(BOOKED)
                .andGivenCurrentTime(BOOKED_AT)
                .when(new CancelExam("b1", "p1", false, null))
                .expectResultMessagePayload(null)
                .expectEvents(new ExamBookingCancelled("b1", BOOKED.examDayId(), "p1", CancelledBy.PATIENT, null, null));
    }

    @Test
    void atTheDeadlineThePatientMayNoLongerCancel() {
        fixture.given(BOOKED, PAID)
                .andGivenCurrentTime(CANCEL_UNTIL)
                .when(new CancelExam("b1", "p1", false, null))
                .expectException(violation(ErrorCode.EXAM_CANCEL_DEADLINE_PASSED))
                .expectNoEvents();
    }

    @Test
    void theHospitalCancelsAfterThePatientsDeadline() {
        fixture.given(BOOKED, PAID)
                .andGivenCurrentTime(CANCEL_UNTIL.plus(Duration.ofHours(2)))
                .when(new CancelExam("b1", null, true, "体检中心设备检修"))
                .expectResultMessagePayload("EX261205AAAA")
                .expectEvents(new ExamBookingCancelled("b1", BOOKED.examDayId(), "p1", CancelledBy.HOSPITAL,
                        "体检中心设备检修", "EX261205AAAA"));
    }

    @Test
    void cancellingAgainAnswersTheSameOrderAndWritesNothing() {
        ExamBookingCancelled cancelled = new ExamBookingCancelled("b1", BOOKED.examDayId(), "p1", CancelledBy.PATIENT,
                null, "EX261205AAAA");
        fixture.given(BOOKED, PAID, cancelled)
                .andGivenCurrentTime(CANCEL_UNTIL.plus(Duration.ofDays(1)))
                .when(new CancelExam("b1", "p1", false, null))
                .expectResultMessagePayload("EX261205AAAA")
                .expectNoEvents();
    }

    @Test
    void anotherPatientCannotCancel() {
        fixture.given(BOOKED, PAID)
                .andGivenCurrentTime(BOOKED_AT)
                .when(new CancelExam("b1", "p2", false, null))
                .expectException(violation(ErrorCode.EXAM_BOOKING_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void anExpiredBookingIsNotCancellable() {
        fixture.given(BOOKED, new ExamBookingExpired("b1", BOOKED.examDayId(), "p1"))
                .andGivenCurrentTime(BOOKED_AT)
                .when(new CancelExam("b1", "p1", false, null))
                .expectException(violation(ErrorCode.EXAM_BOOKING_NOT_CANCELLABLE))
                .expectNoEvents();
    }

    @Test
    void aBookingStoredWithoutItsDeadlineFollowsTheFirstRule() {
        ExamBooked old = new ExamBooked("b1", "TJ20261210ABCDEF1234", "examday:pkg-1:2026-12-10", "p1", "pkg-1",
                "入职体检", LocalDate.of(2026, 12, 10), 39_900, "07:30-09:30", "体检中心", "空腹", PAY_BY);
        fixture.given(old, PAID)
                .andGivenCurrentTime(CANCEL_UNTIL)
                .when(new CancelExam("b1", "p1", false, null))
                .expectException(violation(ErrorCode.EXAM_CANCEL_DEADLINE_PASSED));
    }
}
