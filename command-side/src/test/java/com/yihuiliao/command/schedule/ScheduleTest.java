package com.yihuiliao.command.schedule;

import static com.yihuiliao.command.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.schedule.AddCapacity;
import com.yihuiliao.api.schedule.BookingWindow;
import com.yihuiliao.api.schedule.BookingWindowChanged;
import com.yihuiliao.api.schedule.CancelSchedule;
import com.yihuiliao.api.schedule.CapacityAdded;
import com.yihuiliao.api.schedule.CapacityReduced;
import com.yihuiliao.api.schedule.ChangeBookingWindow;
import com.yihuiliao.api.schedule.EditSchedule;
import com.yihuiliao.api.schedule.EditedSchedule;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.api.schedule.PublishSchedule;
import com.yihuiliao.api.schedule.ReleaseReason;
import com.yihuiliao.api.schedule.ReleaseSlot;
import com.yihuiliao.api.schedule.ScheduleCancelled;
import com.yihuiliao.api.schedule.ScheduleFeeChanged;
import com.yihuiliao.api.schedule.SchedulePublished;
import com.yihuiliao.api.schedule.ScheduleSuspended;
import com.yihuiliao.api.schedule.SlotHeld;
import com.yihuiliao.api.schedule.SlotReleased;
import com.yihuiliao.api.schedule.SuspendSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schedule's rules. Time is the fixture's simulated time ({@code givenCurrentTime}): in Axon
 * 4.13 the fixture fixes {@code GenericEventMessage.clock} to it while commands run, and restores
 * the previous clock afterwards.
 */
class ScheduleTest {

    static final String SCHEDULE = "sch-1";
    static final String DOCTOR = "doc-1";
    static final String DEPARTMENT = "dept-1";
    static final LocalDate DATE = LocalDate.of(2026, 12, 10);
    static final Period PERIOD = Period.MORNING;
    static final long FEE = 5_000;

    /** The hospital defaults for a MORNING on 2026-12-10, Asia/Shanghai (UTC+8). */
    static final Instant OPENS = Instant.parse("2026-12-03T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-09T23:30:00Z");
    static final Instant CANCEL_UNTIL = Instant.parse("2026-12-09T22:00:00Z");
    static final BookingWindow WINDOW = new BookingWindow(OPENS, CLOSES, CANCEL_UNTIL);

    /** Some moment well inside the window. */
    static final Instant DURING = Instant.parse("2026-12-05T02:00:00Z");

    /** A re-timed window: opens later, closes and stops cancellations earlier. */
    static final BookingWindow LATER = new BookingWindow(
            Instant.parse("2026-12-06T00:00:00Z"), Instant.parse("2026-12-09T23:00:00Z"),
            Instant.parse("2026-12-09T20:00:00Z"));

    private FixtureConfiguration<Schedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Schedule.class);
    }

    /** A fixture of its own, for a test that checks several cases. */
    static FixtureConfiguration<Schedule> fresh() {
        return new AggregateTestFixture<>(Schedule.class);
    }

    static SchedulePublished published(int capacity) {
        return new SchedulePublished(SCHEDULE, DOCTOR, DEPARTMENT, DATE, PERIOD, capacity, FEE, WINDOW);
    }

    static HoldSlot hold(String appointmentId, String patientId) {
        return new HoldSlot(SCHEDULE, appointmentId, patientId);
    }

    static SlotHeld held(String appointmentId, String patientId, int remaining) {
        return held(appointmentId, patientId, remaining, CANCEL_UNTIL);
    }

    static SlotHeld held(String appointmentId, String patientId, int remaining, Instant cancelUntil) {
        return new SlotHeld(SCHEDULE, appointmentId, patientId, DOCTOR, DEPARTMENT, DATE, PERIOD, FEE, cancelUntil,
                remaining);
    }

    static SlotReleased released(String appointmentId, String patientId, ReleaseReason reason, int remaining) {
        return new SlotReleased(SCHEDULE, appointmentId, patientId, DATE, reason, remaining);
    }

    @Test
    void publish_publishesTheSchedule() {
        fixture.givenNoPriorActivity()
                .when(new PublishSchedule(SCHEDULE, DOCTOR, DEPARTMENT, DATE, PERIOD, 3, FEE, WINDOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(published(3));
    }

    @Test
    void publish_aSingleSlotIsEnough() {
        fixture.givenNoPriorActivity()
                .when(new PublishSchedule(SCHEDULE, DOCTOR, DEPARTMENT, DATE, PERIOD, 1, FEE, WINDOW))
                .expectEvents(published(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void publish_refusesCapacityBelowOne(int capacity) {
        fixture.givenNoPriorActivity()
                .when(new PublishSchedule(SCHEDULE, DOCTOR, DEPARTMENT, DATE, PERIOD, capacity, FEE, WINDOW))
                .expectException(violation(ErrorCode.INVALID_CAPACITY))
                .expectNoEvents();
    }

    @Test
    void addCapacity_carriesTheNewCapacityAndTheRemainingSlots() {
        fixture.given(published(2), held("a1", "p1", 1))
                .when(new AddCapacity(SCHEDULE, 3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CapacityAdded(SCHEDULE, 3, 5, 4));
    }

    @Test
    void addCapacity_addsOnTopOfEarlierAdditions() {
        fixture.given(published(2), new CapacityAdded(SCHEDULE, 1, 3, 3), held("a1", "p1", 2))
                .when(new AddCapacity(SCHEDULE, 2))
                .expectEvents(new CapacityAdded(SCHEDULE, 2, 5, 4));
    }

    @Test
    void addCapacity_releasedHoldsCountAsRemaining() {
        fixture.given(published(2), held("a1", "p1", 1), held("a2", "p2", 0), released("a1", "p1", ReleaseReason.CANCELLED, 1))
                .when(new AddCapacity(SCHEDULE, 1))
                .expectEvents(new CapacityAdded(SCHEDULE, 1, 3, 2));
    }

    @Test
    void addCapacity_makesAFullScheduleBookableAgain() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(1), held("a1", "p1", 0), new CapacityAdded(SCHEDULE, 1, 2, 1))
                .when(hold("a2", "p2"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(held("a2", "p2", 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -5})
    void addCapacity_refusesFewerThanOneSlot(int additional) {
        fixture.given(published(2))
                .when(new AddCapacity(SCHEDULE, additional))
                .expectException(violation(ErrorCode.INVALID_CAPACITY))
                .expectNoEvents();
    }

    @Test
    void addCapacity_refusedWhenSuspended() {
        fixture.given(published(2), new ScheduleSuspended(SCHEDULE, "doctor ill", List.of()))
                .when(new AddCapacity(SCHEDULE, 1))
                .expectException(violation(ErrorCode.SCHEDULE_SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void hold_acceptedHoldEmitsSlotHeldAndAnswersIt() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(3))
                .when(hold("a1", "p1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(held("a1", "p1", 2))
                .expectResultMessagePayload(held("a1", "p1", 2));
    }

    @Test
    void hold_eachHoldLowersTheRemainingSlots() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(3), held("a1", "p1", 2))
                .when(hold("a2", "p2"))
                .expectEvents(held("a2", "p2", 1))
                .expectResultMessagePayload(held("a2", "p2", 1));
    }

    @Test
    void hold_theLastSlotCanBeHeld() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(2), held("a1", "p1", 1))
                .when(hold("a2", "p2"))
                .expectEvents(held("a2", "p2", 0));
    }

    @Test
    void hold_holdsAreCountedThroughCommandsToo() {
        fixture.givenCurrentTime(DURING)
                .andGivenCommands(
                        new PublishSchedule(SCHEDULE, DOCTOR, DEPARTMENT, DATE, PERIOD, 2, FEE, WINDOW),
                        hold("a1", "p1"),
                        hold("a2", "p2"))
                .when(hold("a3", "p3"))
                .expectException(violation(ErrorCode.SCHEDULE_FULL))
                .expectNoEvents();
    }

    @Test
    void hold_refusedBeforeTheWindowOpens() {
        fixture.givenCurrentTime(OPENS.minusMillis(1))
                .andGiven(published(3))
                .when(hold("a1", "p1"))
                .expectException(violation(ErrorCode.BOOKING_NOT_OPEN))
                .expectExceptionMessage(containsString("opens at 2026-12-03 08:00 (Beijing time)"))
                .expectNoEvents();
    }

    @Test
    void hold_acceptedTheMomentTheWindowOpens() {
        fixture.givenCurrentTime(OPENS)
                .andGiven(published(3))
                .when(hold("a1", "p1"))
                .expectEvents(held("a1", "p1", 2));
    }

    @Test
    void hold_acceptedJustBeforeTheWindowCloses() {
        fixture.givenCurrentTime(CLOSES.minusMillis(1))
                .andGiven(published(3))
                .when(hold("a1", "p1"))
                .expectEvents(held("a1", "p1", 2));
    }

    @Test
    void hold_refusedTheMomentTheWindowCloses() {
        fixture.givenCurrentTime(CLOSES)
                .andGiven(published(3))
                .when(hold("a1", "p1"))
                .expectException(violation(ErrorCode.BOOKING_CLOSED))
                .expectNoEvents();
    }

    @Test
    void hold_refusedAfterTheWindowCloses() {
        fixture.givenCurrentTime(CLOSES.plus(Duration.ofHours(2)))
                .andGiven(published(3))
                .when(hold("a1", "p1"))
                .expectException(violation(ErrorCode.BOOKING_CLOSED))
                .expectNoEvents();
    }

    @Test
    void hold_refusedWhenSuspended() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(3), new ScheduleSuspended(SCHEDULE, "doctor ill", List.of()))
                .when(hold("a1", "p1"))
                .expectException(violation(ErrorCode.SCHEDULE_SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void hold_refusedWhenThePatientAlreadyHoldsThisSchedule() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(3), held("a1", "p1", 2))
                .when(hold("a2", "p1"))
                .expectException(violation(ErrorCode.ALREADY_HOLDS_SCHEDULE))
                .expectNoEvents();
    }

    @Test
    void hold_refusedWhenFull() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(2), held("a1", "p1", 1), held("a2", "p2", 0))
                .when(hold("a3", "p3"))
                .expectException(violation(ErrorCode.SCHEDULE_FULL))
                .expectNoEvents();
    }

    @Test
    void hold_theSameAppointmentHeldAgainByTheSamePatientIsIdempotent() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(3), held("a1", "p1", 2), held("a2", "p2", 1))
                .when(hold("a1", "p1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(held("a1", "p1", 1));
    }

    @Test
    void hold_anAppointmentIdHeldForAnotherPatientIsRefused() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(3), held("a1", "p1", 2))
                .when(hold("a1", "p2"))
                .expectException(violation(ErrorCode.IDEMPOTENCY_CONFLICT))
                .expectNoEvents();
    }

    @Test
    void hold_aRetryIsNotRefusedBecauseItsOwnHoldTookTheLastSlot() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(1), held("a1", "p1", 0))
                .when(hold("a1", "p1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(held("a1", "p1", 0));
    }

    @Test
    void hold_aRetryThroughCommandsEmitsOnlyOnce() {
        fixture.givenCurrentTime(DURING)
                .andGivenCommands(
                        new PublishSchedule(SCHEDULE, DOCTOR, DEPARTMENT, DATE, PERIOD, 2, FEE, WINDOW),
                        hold("a1", "p1"))
                .when(hold("a1", "p1"))
                .expectNoEvents()
                .expectResultMessagePayload(held("a1", "p1", 1));
    }

    @Test
    void hold_aReleasedSlotCanBeHeldByAnotherPatient() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(1), held("a1", "p1", 0), released("a1", "p1", ReleaseReason.CANCELLED, 1))
                .when(hold("a2", "p2"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(held("a2", "p2", 0));
    }

    @Test
    void hold_aPatientWhoseHoldWasReleasedCanHoldAgain() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(2), held("a1", "p1", 1), released("a1", "p1", ReleaseReason.EXPIRED, 2))
                .when(hold("a3", "p1"))
                .expectEvents(held("a3", "p1", 1));
    }

    @Test
    void hold_aReleasedAppointmentIsNoLongerTreatedAsARetry() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(2), held("a1", "p1", 1), released("a1", "p1", ReleaseReason.EXPIRED, 2))
                .when(hold("a1", "p1"))
                .expectEvents(held("a1", "p1", 1));
    }

    @Test
    void release_releasingAHeldSlotGivesItBack() {
        fixture.given(published(3), held("a1", "p1", 2), held("a2", "p2", 1))
                .when(new ReleaseSlot(SCHEDULE, "a1", ReleaseReason.CANCELLED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(released("a1", "p1", ReleaseReason.CANCELLED, 2));
    }

    @Test
    void release_releasingTheOnlySlotOfAFullSchedule() {
        fixture.given(published(1), held("a1", "p1", 0))
                .when(new ReleaseSlot(SCHEDULE, "a1", ReleaseReason.EXPIRED))
                .expectEvents(released("a1", "p1", ReleaseReason.EXPIRED, 1));
    }

    @Test
    void release_aNeverHeldAppointmentReleasesNothing() {
        fixture.given(published(3), held("a1", "p1", 2))
                .when(new ReleaseSlot(SCHEDULE, "unknown", ReleaseReason.CANCELLED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void release_aRepeatedReleaseIsANoOp() {
        fixture.given(published(3), held("a1", "p1", 2), released("a1", "p1", ReleaseReason.CANCELLED, 3))
                .when(new ReleaseSlot(SCHEDULE, "a1", ReleaseReason.CANCELLED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void release_aSuspendedScheduleStillGivesItsSlotsBack() {
        fixture.given(published(2), held("a1", "p1", 1),
                        new ScheduleSuspended(SCHEDULE, "doctor ill", List.of("a1")))
                .when(new ReleaseSlot(SCHEDULE, "a1", ReleaseReason.CANCELLED))
                .expectEvents(released("a1", "p1", ReleaseReason.CANCELLED, 2));
    }

    @Test
    void suspend_namesEveryLiveHoldInBookingOrder() {
        fixture.given(published(5), held("a1", "p1", 4), held("a2", "p2", 3), held("a3", "p3", 2),
                        released("a2", "p2", ReleaseReason.CANCELLED, 3))
                .when(new SuspendSchedule(SCHEDULE, "doctor ill"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ScheduleSuspended(SCHEDULE, "doctor ill", List.of("a1", "a3")));
    }

    @Test
    void suspend_aScheduleWithoutHoldsNamesNone() {
        fixture.given(published(5))
                .when(new SuspendSchedule(SCHEDULE, "doctor ill"))
                .expectEvents(new ScheduleSuspended(SCHEDULE, "doctor ill", List.of()));
    }

    @Test
    void suspend_suspendingAgainIsANoOp() {
        fixture.given(published(5), held("a1", "p1", 4),
                        new ScheduleSuspended(SCHEDULE, "doctor ill", List.of("a1")))
                .when(new SuspendSchedule(SCHEDULE, "another reason"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changeWindow_aDifferentWindowIsRecorded() {
        fixture.given(published(3))
                .when(new ChangeBookingWindow(SCHEDULE, LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingWindowChanged(SCHEDULE, LATER));
    }

    @Test
    void changeWindow_theSameWindowEmitsNothing() {
        fixture.given(published(3))
                .when(new ChangeBookingWindow(SCHEDULE, new BookingWindow(OPENS, CLOSES, CANCEL_UNTIL)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changeWindow_theWindowItWasAlreadyChangedToEmitsNothing() {
        fixture.given(published(3), new BookingWindowChanged(SCHEDULE, LATER))
                .when(new ChangeBookingWindow(SCHEDULE, LATER))
                .expectNoEvents();
    }

    @Test
    void changeWindow_changingBackToTheOriginalWindowIsRecorded() {
        fixture.given(published(3), new BookingWindowChanged(SCHEDULE, LATER))
                .when(new ChangeBookingWindow(SCHEDULE, WINDOW))
                .expectEvents(new BookingWindowChanged(SCHEDULE, WINDOW));
    }

    @Test
    void changeWindow_holdsFollowTheChangedWindow() {
        // DURING was inside the original window but is before LATER opens
        fixture.givenCurrentTime(DURING)
                .andGiven(published(3), new BookingWindowChanged(SCHEDULE, LATER))
                .when(hold("a1", "p1"))
                .expectException(violation(ErrorCode.BOOKING_NOT_OPEN))
                .expectNoEvents();
    }

    @Test
    void changeWindow_holdsCarryTheChangedCancellationDeadline() {
        fixture.givenCurrentTime(Instant.parse("2026-12-07T00:00:00Z"))
                .andGiven(published(3), new BookingWindowChanged(SCHEDULE, LATER))
                .when(hold("a1", "p1"))
                .expectEvents(held("a1", "p1", 2, LATER.cancelUntil()));
    }

    @Test
    void changeWindow_holdsAreRefusedFromTheChangedClosingTime() {
        fixture.givenCurrentTime(LATER.closesAt())
                .andGiven(published(3), new BookingWindowChanged(SCHEDULE, LATER))
                .when(hold("a1", "p1"))
                .expectException(violation(ErrorCode.BOOKING_CLOSED));
    }

    // --- editing: fee and capacity ------------------------------------------------------------

    @Test
    void edit_aNewFeeIsRecordedWithTheOldOne() {
        fixture.given(published(3), held("a1", "p1", 2))
                .when(new EditSchedule(SCHEDULE, 8_000L, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ScheduleFeeChanged(SCHEDULE, FEE, 8_000))
                .expectResultMessagePayload(new EditedSchedule(SCHEDULE, 3, 2, 8_000));
    }

    @Test
    void edit_holdsAfterAFeeChangeCarryTheNewFee() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(3), held("a1", "p1", 2), new ScheduleFeeChanged(SCHEDULE, FEE, 8_000))
                .when(hold("a2", "p2"))
                .expectEvents(new SlotHeld(SCHEDULE, "a2", "p2", DOCTOR, DEPARTMENT, DATE, PERIOD, 8_000,
                        CANCEL_UNTIL, 1));
    }

    @Test
    void edit_aScheduleCanBeMadeFree() {
        fixture.given(published(3))
                .when(new EditSchedule(SCHEDULE, 0L, null))
                .expectEvents(new ScheduleFeeChanged(SCHEDULE, FEE, 0));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 10_000_001})
    void edit_refusesAFeeOutOfRange(long fee) {
        fixture.given(published(3))
                .when(new EditSchedule(SCHEDULE, fee, null))
                .expectException(violation(ErrorCode.INVALID_FEE))
                .expectNoEvents();
    }

    @Test
    void edit_capacityDownRemovesFreeSlots() {
        fixture.given(published(5), held("a1", "p1", 4), held("a2", "p2", 3))
                .when(new EditSchedule(SCHEDULE, null, 3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CapacityReduced(SCHEDULE, 2, 3, 1))
                .expectResultMessagePayload(new EditedSchedule(SCHEDULE, 3, 1, FEE));
    }

    @Test
    void edit_capacityDownToExactlyTheHeldSlotsFillsTheSchedule() {
        fixture.givenCurrentTime(DURING)
                .andGivenCommands(new PublishSchedule(SCHEDULE, DOCTOR, DEPARTMENT, DATE, PERIOD, 5, FEE, WINDOW),
                        hold("a1", "p1"), hold("a2", "p2"), new EditSchedule(SCHEDULE, null, 2))
                .when(hold("a3", "p3"))
                .expectException(violation(ErrorCode.SCHEDULE_FULL))
                .expectNoEvents();
    }

    @Test
    void edit_capacityBelowTheHeldSlotsIsRefused() {
        fixture.given(published(5), held("a1", "p1", 4), held("a2", "p2", 3), held("a3", "p3", 2))
                .when(new EditSchedule(SCHEDULE, null, 2))
                .expectException(violation(ErrorCode.CAPACITY_BELOW_HELD))
                .expectExceptionMessage(containsString("3"))
                .expectNoEvents();
    }

    @Test
    void edit_releasedHoldsDoNotCountAsHeld() {
        fixture.given(published(3), held("a1", "p1", 2), held("a2", "p2", 1), released("a1", "p1", ReleaseReason.EXPIRED, 2))
                .when(new EditSchedule(SCHEDULE, null, 1))
                .expectEvents(new CapacityReduced(SCHEDULE, 2, 1, 0));
    }

    @Test
    void edit_capacityUpIsAnAddition() {
        fixture.given(published(2), held("a1", "p1", 1))
                .when(new EditSchedule(SCHEDULE, null, 5))
                .expectEvents(new CapacityAdded(SCHEDULE, 3, 5, 4));
    }

    @Test
    void edit_feeAndCapacityTogether() {
        fixture.given(published(4))
                .when(new EditSchedule(SCHEDULE, 6_000L, 2))
                .expectEvents(new ScheduleFeeChanged(SCHEDULE, FEE, 6_000), new CapacityReduced(SCHEDULE, 2, 2, 2));
    }

    @Test
    void edit_aRefusedCapacityChangesNoFeeEither() {
        fixture.given(published(2), held("a1", "p1", 1), held("a2", "p2", 0))
                .when(new EditSchedule(SCHEDULE, 6_000L, 1))
                .expectException(violation(ErrorCode.CAPACITY_BELOW_HELD))
                .expectNoEvents();
    }

    @Test
    void edit_whatIsAlreadySoEmitsNothing() {
        fixture.given(published(3))
                .when(new EditSchedule(SCHEDULE, FEE, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new EditedSchedule(SCHEDULE, 3, 3, FEE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void edit_refusesCapacityBelowOne(int capacity) {
        fixture.given(published(3))
                .when(new EditSchedule(SCHEDULE, null, capacity))
                .expectException(violation(ErrorCode.INVALID_CAPACITY))
                .expectNoEvents();
    }

    @Test
    void edit_refusedWhenSuspended() {
        fixture.given(published(3), new ScheduleSuspended(SCHEDULE, "doctor ill", List.of()))
                .when(new EditSchedule(SCHEDULE, 1_000L, null))
                .expectException(violation(ErrorCode.SCHEDULE_SUSPENDED))
                .expectNoEvents();
    }

    // --- cancelling a schedule nobody booked ---------------------------------------------------

    static ScheduleCancelled cancelled(String reason) {
        return new ScheduleCancelled(SCHEDULE, DOCTOR, DATE, PERIOD, reason);
    }

    @Test
    void cancel_aScheduleWithoutHoldsIsCancelled() {
        fixture.given(published(3))
                .when(new CancelSchedule(SCHEDULE, "排错了"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(cancelled("排错了"));
    }

    @Test
    void cancel_refusedWhileASlotIsHeld() {
        fixture.given(published(3), held("a1", "p1", 2))
                .when(new CancelSchedule(SCHEDULE, "排错了"))
                .expectException(violation(ErrorCode.SCHEDULE_IN_USE))
                .expectExceptionMessage(containsString("suspend"))
                .expectNoEvents();
    }

    @Test
    void cancel_allowedOnceEveryHoldIsReleased() {
        fixture.given(published(3), held("a1", "p1", 2), released("a1", "p1", ReleaseReason.CANCELLED, 3))
                .when(new CancelSchedule(SCHEDULE, null))
                .expectEvents(cancelled(null));
    }

    @Test
    void cancel_aSuspendedScheduleWhoseAppointmentsAreGoneCanBeCancelled() {
        fixture.given(published(3), held("a1", "p1", 2), new ScheduleSuspended(SCHEDULE, "doctor ill", List.of("a1")),
                        released("a1", "p1", ReleaseReason.CANCELLED, 3))
                .when(new CancelSchedule(SCHEDULE, "停诊后撤销"))
                .expectEvents(cancelled("停诊后撤销"));
    }

    @Test
    void cancel_cancellingAgainIsANoOp() {
        fixture.given(published(3), cancelled("x"))
                .when(new CancelSchedule(SCHEDULE, "y"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cancel_aCancelledScheduleHoldsNothing() {
        fixture.givenCurrentTime(DURING)
                .andGiven(published(3), cancelled("x"))
                .when(hold("a1", "p1"))
                .expectException(violation(ErrorCode.SCHEDULE_CANCELLED))
                .expectNoEvents();
    }

    @Test
    void cancel_aCancelledScheduleTakesNoEditsOrSuspension() {
        fixture.given(published(3), cancelled("x"))
                .when(new AddCapacity(SCHEDULE, 1))
                .expectException(violation(ErrorCode.SCHEDULE_CANCELLED));
        fresh().given(published(3), cancelled("x"))
                .when(new EditSchedule(SCHEDULE, 1L, null))
                .expectException(violation(ErrorCode.SCHEDULE_CANCELLED));
        fresh().given(published(3), cancelled("x"))
                .when(new SuspendSchedule(SCHEDULE, "doctor ill"))
                .expectException(violation(ErrorCode.SCHEDULE_CANCELLED));
    }

    @Test
    void cancel_aCancelledScheduleIsNotRetimed() {
        fixture.given(published(3), cancelled("x"))
                .when(new ChangeBookingWindow(SCHEDULE, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- walk-ins at the counter (现场挂号) ------------------------------------------------------

    /** 2026-12-10 MORNING ends at 12:00 in Shanghai. */
    static final Instant SESSION_END = Instant.parse("2026-12-10T04:00:00Z");

    @Test
    void counter_holdsAfterOnlineBookingClosedUntilTheSessionEnds() {
        fixture.givenCurrentTime(SESSION_END.minusMillis(1))
                .andGiven(published(3))
                .when(new HoldSlot(SCHEDULE, "a1", "p1", true))
                .expectEvents(held("a1", "p1", 2));
    }

    @Test
    void counter_refusedOnceTheSessionEnded() {
        fixture.givenCurrentTime(SESSION_END)
                .andGiven(published(3))
                .when(new HoldSlot(SCHEDULE, "a1", "p1", true))
                .expectException(violation(ErrorCode.BOOKING_CLOSED))
                .expectNoEvents();
    }

    @Test
    void counter_keepsEveryOtherRule() {
        fixture.givenCurrentTime(CLOSES.plusSeconds(60))
                .andGiven(published(1), held("a1", "p1", 0))
                .when(new HoldSlot(SCHEDULE, "a2", "p2", true))
                .expectException(violation(ErrorCode.SCHEDULE_FULL));
        fresh().givenCurrentTime(CLOSES.plusSeconds(60))
                .andGiven(published(2), held("a1", "p1", 1))
                .when(new HoldSlot(SCHEDULE, "a2", "p1", true))
                .expectException(violation(ErrorCode.ALREADY_HOLDS_SCHEDULE));
        fresh().givenCurrentTime(OPENS.minusMillis(1))
                .andGiven(published(2))
                .when(new HoldSlot(SCHEDULE, "a1", "p1", true))
                .expectException(violation(ErrorCode.BOOKING_NOT_OPEN));
    }

    @Test
    void violationMatcherRejectsAnotherCode() {
        // guards the helper itself: a wrong code must not pass
        assertThat(violation(ErrorCode.SCHEDULE_FULL)
                .matches(new BusinessRuleViolation(ErrorCode.BOOKING_CLOSED))).isFalse();
        assertThat(violation(ErrorCode.SCHEDULE_FULL)
                .matches(new BusinessRuleViolation(ErrorCode.SCHEDULE_FULL))).isTrue();
    }
}
