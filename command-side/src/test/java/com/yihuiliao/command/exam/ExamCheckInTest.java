package com.yihuiliao.command.exam;

import static com.yihuiliao.command.Violations.violation;
import static com.yihuiliao.command.exam.ExamBookingPaymentTest.BOOKED;
import static com.yihuiliao.command.exam.ExamBookingPaymentTest.PAID;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.exam.ExamBookingCancelled;
import com.yihuiliao.api.exam.ExamCheckInRecorded;
import com.yihuiliao.api.exam.ExamBookingExpired;
import com.yihuiliao.api.payment.PaymentChannel;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desk checks a patient in (体检签到): a paid booking, on its exam day in Beijing time, once; then it stays. */
class ExamCheckInTest {

    /** 08:00 Beijing time on the exam day, 10 December. */
    static final Instant EXAM_MORNING = Instant.parse("2026-12-10T00:00:00Z");
    static final ExamCheckInRecorded CHECKED_IN = new ExamCheckInRecorded("b1", BOOKED.examDayId(), "p1", "staff-7");

    private FixtureConfiguration<ExamBooking> fixture;

    @BeforeEach
    void setUp() {
        fixture = fresh();
    }

    /** One fixture a given-when-then. */
    static FixtureConfiguration<ExamBooking> fresh() {
        return new AggregateTestFixture<>(ExamBooking.class);
    }

    @Test
    void aPaidBookingIsCheckedInOnItsExamDay() {
        fixture.givenCurrentTime(EXAM_MORNING).andGiven(BOOKED, PAID)
                .when(new CheckInExam("b1", "staff-7"))
                .expectEvents(CHECKED_IN)
                .expectState(booking -> org.assertj.core.api.Assertions.assertThat(booking.slip().status())
                        .isEqualTo("CHECKED_IN"));
    }

    @Test
    void theExamDayIsBeijingTime_lateOnTheDayBeforeInUtcIsAlreadyTheDay() {
        // 16:30 UTC on 9 December is 00:30 on 10 December in Beijing
        fixture.givenCurrentTime(Instant.parse("2026-12-09T16:30:00Z")).andGiven(BOOKED, PAID)
                .when(new CheckInExam("b1", "staff-7"))
                .expectEvents(CHECKED_IN);
    }

    @Test
    void onAnotherDayItIsRefused() {
        fixture.givenCurrentTime(Instant.parse("2026-12-09T08:00:00Z")).andGiven(BOOKED, PAID)
                .when(new CheckInExam("b1", "staff-7"))
                .expectException(violation(ErrorCode.EXAM_CHECK_IN_NOT_TODAY))
                .expectNoEvents();
        fresh().givenCurrentTime(Instant.parse("2026-12-10T16:00:00Z")).andGiven(BOOKED, PAID)
                .when(new CheckInExam("b1", "staff-7"))
                .expectException(violation(ErrorCode.EXAM_CHECK_IN_NOT_TODAY))
                .expectNoEvents();
    }

    @Test
    void twiceIsRefused() {
        fixture.givenCurrentTime(EXAM_MORNING).andGiven(BOOKED, PAID, CHECKED_IN)
                .when(new CheckInExam("b1", "staff-8"))
                .expectException(violation(ErrorCode.EXAM_ALREADY_CHECKED_IN))
                .expectNoEvents();
    }

    @Test
    void unpaidExpiredOrCancelledIsNotCheckable() {
        fixture.givenCurrentTime(EXAM_MORNING).andGiven(BOOKED)
                .when(new CheckInExam("b1", "staff-7"))
                .expectException(violation(ErrorCode.EXAM_BOOKING_NOT_CHECKABLE)).expectNoEvents();
        fresh().givenCurrentTime(EXAM_MORNING).andGiven(BOOKED, new ExamBookingExpired("b1", BOOKED.examDayId(), "p1"))
                .when(new CheckInExam("b1", "staff-7"))
                .expectException(violation(ErrorCode.EXAM_BOOKING_NOT_CHECKABLE)).expectNoEvents();
        fresh().givenCurrentTime(EXAM_MORNING).andGiven(BOOKED, PAID, new ExamBookingCancelled("b1", BOOKED.examDayId(),
                        "p1", CancelledBy.HOSPITAL, "设备检修", PAID.outTradeNo()))
                .when(new CheckInExam("b1", "staff-7"))
                .expectException(violation(ErrorCode.EXAM_BOOKING_NOT_CHECKABLE)).expectNoEvents();
    }

    @Test
    void aCheckedInBookingIsNoLongerCancelled_evenByTheHospital_butItsPaymentRepeatsHarmlessly() {
        fixture.givenCurrentTime(EXAM_MORNING).andGiven(BOOKED, PAID, CHECKED_IN)
                .when(new CancelExam("b1", "p1", true, "改期"))
                .expectException(violation(ErrorCode.EXAM_BOOKING_NOT_CANCELLABLE))
                .expectNoEvents();
        fresh().givenCurrentTime(EXAM_MORNING).andGiven(BOOKED, PAID, CHECKED_IN)
                .when(new TakeExamPayment("b1", PAID.outTradeNo(), PaymentChannel.BALANCE, 39_900))
                .expectResultMessagePayload(new ExamPaymentTaken.Paid())
                .expectNoEvents();
    }
}
