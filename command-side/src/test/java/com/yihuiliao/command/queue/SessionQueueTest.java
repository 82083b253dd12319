package com.yihuiliao.command.queue;

import static com.yihuiliao.command.Violations.violation;
import static com.yihuiliao.command.queue.SessionQueue.STEP;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.queue.CallNextPatient;
import com.yihuiliao.api.queue.MarkPatientSeen;
import com.yihuiliao.api.queue.PassPatient;
import com.yihuiliao.api.queue.PatientCalled;
import com.yihuiliao.api.queue.PatientPassed;
import com.yihuiliao.api.queue.PatientRejoined;
import com.yihuiliao.api.queue.PatientSeen;
import com.yihuiliao.api.queue.QueueCall;
import com.yihuiliao.api.queue.QueueNumberIssued;
import com.yihuiliao.api.queue.QueueNumbering;
import com.yihuiliao.api.queue.QueueOpened;
import com.yihuiliao.api.queue.QueueRejoinRule;
import com.yihuiliao.api.queue.QueueState;
import com.yihuiliao.api.queue.QueueTicket;
import com.yihuiliao.api.queue.RejoinPatient;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 取号 / 叫号: one session's queue numbers, calls, seen, passed (过号) and rejoins. */
class SessionQueueTest {

    static final String QUEUE = "queue:sch-1";
    static final String DOCTOR = "doc-1";

    private FixtureConfiguration<SessionQueue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SessionQueue.class);
    }

    static QueueOpened opened(QueueNumbering numbering) {
        return new QueueOpened(QUEUE, "sch-1", DOCTOR, numbering);
    }

    static QueueNumberIssued issued(int number) {
        return new QueueNumberIssued(QUEUE, "sch-1", "apt-" + number, "p" + number, number, number * STEP);
    }

    static PatientCalled called(int number) {
        return new PatientCalled(QUEUE, "sch-1", "apt-" + number, "p" + number, number);
    }

    /** The queue opened by check-in order with patients 1..n checked in. */
    static List<Object> checkedIn(int n, Object... more) {
        List<Object> events = new ArrayList<>();
        events.add(opened(QueueNumbering.CHECK_IN_ORDER));
        for (int i = 1; i <= n; i++) {
            events.add(issued(i));
        }
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void checkInsAreNumberedInTheOrderTheyArrive() {
        fixture.given(checkedIn(2))
                .when(new IssueQueueNumber(QUEUE, "apt-3", "p3", 7))
                .expectEvents(issued(3))
                .expectResultMessagePayload(new QueueTicket("apt-3", "sch-1", 3, QueueState.WAITING));
    }

    @Test
    void byBookingOrderTheNumberIsTheBookingsPlaceOnTheSchedule() {
        fixture.given(opened(QueueNumbering.BOOKING_ORDER), issued(5))
                .when(new IssueQueueNumber(QUEUE, "apt-2", "p2", 2))
                .expectEvents(new QueueNumberIssued(QUEUE, "sch-1", "apt-2", "p2", 2, 2 * STEP));
    }

    @Test
    void theNumberingInForceWhenTheQueueOpenedStays() {
        // opened by booking order: a check-in still gets its booking's place, whatever the settings say now
        fixture.given(opened(QueueNumbering.BOOKING_ORDER))
                .when(new IssueQueueNumber(QUEUE, "apt-9", "p9", 9))
                .expectEvents(new QueueNumberIssued(QUEUE, "sch-1", "apt-9", "p9", 9, 9 * STEP));
    }

    @Test
    void aRepeatedCheckInKeepsItsNumber() {
        fixture.given(checkedIn(2))
                .when(new IssueQueueNumber(QUEUE, "apt-1", "p1", 0))
                .expectNoEvents()
                .expectResultMessagePayload(new QueueTicket("apt-1", "sch-1", 1, QueueState.WAITING));
    }

    @Test
    void callingNextCallsTheFirstWaiting() {
        fixture.given(checkedIn(3))
                .when(new CallNextPatient(QUEUE, 0, null))
                .expectEvents(called(1))
                .expectResultMessagePayload(new QueueCall("sch-1", "apt-1", 1));
    }

    @Test
    void aRetriedCallIsAnsweredTheSamePatientAndSkipsNobody() {
        fixture.given(checkedIn(3, called(1)))
                .when(new CallNextPatient(QUEUE, 0, null))
                .expectNoEvents()
                .expectResultMessagePayload(new QueueCall("sch-1", "apt-1", 1));
    }

    @Test
    void theNextCallNamesTheNumberCalledLast() {
        fixture.given(checkedIn(3, called(1)))
                .when(new CallNextPatient(QUEUE, 1, null))
                .expectEvents(called(2));
    }

    @Test
    void aStaleScreenIsToldTheQueueMovedOn() {
        fixture.given(checkedIn(3, called(1), called(2)))
                .when(new CallNextPatient(QUEUE, 0, null))
                .expectException(violation(ErrorCode.QUEUE_CHANGED))
                .expectNoEvents();
    }

    @Test
    void nobodyWaitingIsRefused() {
        fixture.given(checkedIn(1, called(1)))
                .when(new CallNextPatient(QUEUE, 1, null))
                .expectException(violation(ErrorCode.QUEUE_EMPTY));
    }

    @Test
    void aDoctorCallsOnlyTheirOwnSession() {
        fixture.given(checkedIn(1))
                .when(new CallNextPatient(QUEUE, 0, "doc-2"))
                .expectException(violation(ErrorCode.FORBIDDEN))
                .expectNoEvents();
        fixture.given(checkedIn(1))
                .when(new CallNextPatient(QUEUE, 0, DOCTOR))
                .expectEvents(called(1));
    }

    @Test
    void aCalledPatientIsSeenOnce() {
        fixture.given(checkedIn(1, called(1)))
                .when(new MarkPatientSeen(QUEUE, "apt-1", null))
                .expectEvents(new PatientSeen(QUEUE, "sch-1", "apt-1", "p1", 1));
        fixture.given(checkedIn(1, called(1), new PatientSeen(QUEUE, "sch-1", "apt-1", "p1", 1)))
                .when(new MarkPatientSeen(QUEUE, "apt-1", null))
                .expectNoEvents();
    }

    @Test
    void onlyACalledPatientIsSeenOrPassed() {
        fixture.given(checkedIn(2))
                .when(new MarkPatientSeen(QUEUE, "apt-2", null))
                .expectException(violation(ErrorCode.QUEUE_ENTRY_NOT_CALLED));
        fixture.given(checkedIn(2))
                .when(new PassPatient(QUEUE, "apt-2", null))
                .expectException(violation(ErrorCode.QUEUE_ENTRY_NOT_CALLED));
        fixture.given(checkedIn(2))
                .when(new PassPatient(QUEUE, "apt-9", null))
                .expectException(violation(ErrorCode.QUEUE_ENTRY_NOT_FOUND));
    }

    @Test
    void aCalledPatientWhoDoesNotComeIsPassed() {
        fixture.given(checkedIn(2, called(1)))
                .when(new PassPatient(QUEUE, "apt-1", null))
                .expectEvents(new PatientPassed(QUEUE, "sch-1", "apt-1", "p1", 1));
    }

    @Test
    void aReturningPassedPatientWaitsAfterTheNextN() {
        // 1 passed; 2..6 wait: after the next 3 is between 4 and 5
        fixture.given(checkedIn(6, called(1), new PatientPassed(QUEUE, "sch-1", "apt-1", "p1", 1)))
                .when(new RejoinPatient(QUEUE, "apt-1", null, QueueRejoinRule.AFTER_NEXT_N, 3))
                .expectEvents(new PatientRejoined(QUEUE, "sch-1", "apt-1", "p1", 1, 4 * STEP + STEP / 2,
                        QueueRejoinRule.AFTER_NEXT_N))
                .expectResultMessagePayload(new QueueTicket("apt-1", "sch-1", 1, QueueState.WAITING));
    }

    @Test
    void fewerWaitingThanNRejoinsAtTheEnd() {
        fixture.given(checkedIn(3, called(1), new PatientPassed(QUEUE, "sch-1", "apt-1", "p1", 1)))
                .when(new RejoinPatient(QUEUE, "apt-1", null, QueueRejoinRule.AFTER_NEXT_N, 3))
                .expectEvents(new PatientRejoined(QUEUE, "sch-1", "apt-1", "p1", 1, 4 * STEP,
                        QueueRejoinRule.AFTER_NEXT_N));
    }

    @Test
    void byTheEndRuleARejoinWaitsLast() {
        fixture.given(checkedIn(6, called(1), new PatientPassed(QUEUE, "sch-1", "apt-1", "p1", 1)))
                .when(new RejoinPatient(QUEUE, "apt-1", null, QueueRejoinRule.END, 3))
                .expectEvents(new PatientRejoined(QUEUE, "sch-1", "apt-1", "p1", 1, 7 * STEP, QueueRejoinRule.END));
    }

    @Test
    void theRejoinedPatientIsCalledInTheirNewPlace() {
        // after 2, 3, 4 are called the rejoined 1 (key between 4 and 5) is next, before 5
        fixture.given(checkedIn(6, called(1), new PatientPassed(QUEUE, "sch-1", "apt-1", "p1", 1),
                        new PatientRejoined(QUEUE, "sch-1", "apt-1", "p1", 1, 4 * STEP + STEP / 2,
                                QueueRejoinRule.AFTER_NEXT_N), called(2), called(3), called(4)))
                .when(new CallNextPatient(QUEUE, 4, null))
                .expectEvents(called(1));
    }

    @Test
    void onlyAPassedPatientRejoinsAndARepeatChangesNothing() {
        fixture.given(checkedIn(2, called(1)))
                .when(new RejoinPatient(QUEUE, "apt-1", null, QueueRejoinRule.END, 0))
                .expectException(violation(ErrorCode.QUEUE_ENTRY_NOT_PASSED));
        fixture.given(checkedIn(2))
                .when(new RejoinPatient(QUEUE, "apt-2", null, QueueRejoinRule.END, 0))
                .expectNoEvents()
                .expectResultMessagePayload(new QueueTicket("apt-2", "sch-1", 2, QueueState.WAITING));
    }
}
