package com.yihuiliao.command.appointment;

import static com.yihuiliao.command.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.AppointmentBooked;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.CancelAppointment;
import com.yihuiliao.api.appointment.CancelAppointmentByHospital;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.appointment.ConfirmAppointment;
import com.yihuiliao.api.schedule.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The appointment's life cycle. Time is the fixture's simulated time: {@code givenCurrentTime}
 * fixes {@code GenericEventMessage.clock} while commands run (Axon 4.13), and the fixture's
 * {@code StubDeadlineManager} is injected into the constructor's command handler.
 */
class AppointmentTest {

    static final String APPOINTMENT = "apt-1";
    static final String PATIENT = "p1";
    static final String OTHER_PATIENT = "p2";
    static final String ACCOUNT = "acc-1";
    static final String SCHEDULE = "sch-1";
    static final String DOCTOR = "doc-1";
    static final String DEPARTMENT = "dept-1";
    static final LocalDate DATE = LocalDate.of(2026, 12, 10);
    static final Period PERIOD = Period.MORNING;
    static final long FEE = 5_000;

    /** When the booking is made, and when its unpaid hold expires. */
    static final Instant BOOKED_AT = Instant.parse("2026-12-05T02:00:00Z");
    static final Instant HOLD_EXPIRES_AT = BOOKED_AT.plus(Duration.ofMinutes(15));
    /** 06:00 on the day in Shanghai: two hours before the MORNING starts. */
    static final Instant CANCEL_UNTIL = Instant.parse("2026-12-09T22:00:00Z");

    private FixtureConfiguration<Appointment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Appointment.class);
    }

    static OpenAppointment open(long feeFen) {
        return new OpenAppointment(APPOINTMENT, PATIENT, SCHEDULE, DOCTOR, DEPARTMENT, DATE, PERIOD, feeFen,
                CANCEL_UNTIL, HOLD_EXPIRES_AT);
    }

    static AppointmentBooked booked(long feeFen) {
        return new AppointmentBooked(APPOINTMENT, PATIENT, SCHEDULE, DOCTOR, DEPARTMENT, DATE, PERIOD, feeFen,
                CANCEL_UNTIL, HOLD_EXPIRES_AT);
    }

    static AppointmentBooked booked() {
        return booked(FEE);
    }

    /** At {@code now}, the appointment was booked (its fee unpaid); then {@code more} happened to it. */
    TestExecutor<Appointment> givenBooked(Instant now, Object... more) {
        Object[] events = new Object[more.length + 1];
        events[0] = booked();
        System.arraycopy(more, 0, events, 1, more.length);
        return fixture.givenCurrentTime(now).andGiven(events);
    }

    /** Opened at BOOKED_AT by its command, so its hold-expiry deadline is scheduled. */
    TestExecutor<Appointment> givenOpened(Object... moreCommands) {
        Object[] commands = new Object[moreCommands.length + 1];
        commands[0] = open(FEE);
        System.arraycopy(moreCommands, 0, commands, 1, moreCommands.length);
        return fixture.givenCurrentTime(BOOKED_AT).andGivenCommands(commands);
    }

    static CancelAppointment cancelByPatient(String reason) {
        return new CancelAppointment(APPOINTMENT, PATIENT, ACCOUNT, reason);
    }

    static AppointmentConfirmed confirmed() {
        return new AppointmentConfirmed(APPOINTMENT, "PAY-1");
    }

    static AppointmentExpired expired() {
        return new AppointmentExpired(APPOINTMENT, SCHEDULE, PATIENT);
    }

    static AppointmentCancelled cancelled(CancelledBy by, String reason, boolean wasConfirmed) {
        return new AppointmentCancelled(APPOINTMENT, SCHEDULE, PATIENT, by, reason, wasConfirmed);
    }

    // --- opening ---------------------------------------------------------------------------

    @Test
    void open_emitsAppointmentBookedAndSchedulesTheHoldExpiry() {
        fixture.givenCurrentTime(BOOKED_AT)
                .when(open(FEE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booked())
                .expectScheduledDeadlineWithName(HOLD_EXPIRES_AT, Appointment.HOLD_EXPIRY)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(15), "hold-expiry")
                .expectState(appointment -> assertThat(appointment.status()).isEqualTo(AppointmentStatus.HELD));
    }

    @Test
    void open_theHoldExpiryIsScheduledAtHoldExpiresAtOnly() {
        fixture.givenCurrentTime(BOOKED_AT)
                .when(open(FEE))
                .expectNoScheduledDeadlineWithName(BOOKED_AT, HOLD_EXPIRES_AT.minusMillis(1), "hold-expiry")
                .expectNoScheduledDeadlineWithName(HOLD_EXPIRES_AT.plusMillis(1), Instant.MAX, "hold-expiry");
    }

    @Test
    void open_aFreeAppointmentIsConfirmedAtOnceAndNeverExpires() {
        fixture.givenCurrentTime(BOOKED_AT)
                .when(open(0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booked(0), new AppointmentConfirmed(APPOINTMENT, "FREE"))
                .expectNoScheduledDeadlines()
                .expectState(appointment ->
                        assertThat(appointment.status()).isEqualTo(AppointmentStatus.CONFIRMED));
    }

    // --- the hold-expiry deadline --------------------------------------------------------------

    @Test
    void expiry_anUnpaidHoldExpiresWhenTheDeadlineIsReached() {
        givenOpened()
                .whenTimeAdvancesTo(HOLD_EXPIRES_AT)
                .expectTriggeredDeadlinesWithName("hold-expiry")
                .expectEvents(expired())
                .expectState(appointment -> assertThat(appointment.status()).isEqualTo(AppointmentStatus.EXPIRED));
    }

    @Test
    void expiry_anUnpaidHoldExpiresWhenTimeElapses() {
        givenOpened()
                .whenThenTimeElapses(Duration.ofMinutes(20))
                .expectTriggeredDeadlinesWithName("hold-expiry")
                .expectEvents(expired());
    }

    @Test
    void expiry_nothingHappensBeforeTheDeadline() {
        givenOpened()
                .whenTimeAdvancesTo(HOLD_EXPIRES_AT.minusMillis(1))
                .expectTriggeredDeadlines()
                .expectNoEvents()
                .expectScheduledDeadlineWithName(HOLD_EXPIRES_AT, "hold-expiry");
    }

    @Test
    void expiry_aConfirmedAppointmentDoesNotExpire() {
        givenOpened(new ConfirmAppointment(APPOINTMENT, "PAY-1"))
                .whenTimeAdvancesTo(HOLD_EXPIRES_AT)
                .expectTriggeredDeadlinesWithName("hold-expiry")
                .expectNoEvents()
                .expectState(appointment ->
                        assertThat(appointment.status()).isEqualTo(AppointmentStatus.CONFIRMED));
    }

    @Test
    void expiry_aCancelledAppointmentDoesNotExpire() {
        givenOpened(cancelByPatient("changed my mind"))
                .whenTimeAdvancesTo(HOLD_EXPIRES_AT)
                .expectTriggeredDeadlinesWithName("hold-expiry")
                .expectNoEvents()
                .expectState(appointment ->
                        assertThat(appointment.status()).isEqualTo(AppointmentStatus.CANCELLED));
    }

    @Test
    void expiry_aFreeAppointmentHasNothingToTrigger() {
        fixture.givenCurrentTime(BOOKED_AT)
                .andGivenCommands(open(0))
                .whenTimeAdvancesTo(HOLD_EXPIRES_AT.plus(Duration.ofDays(1)))
                .expectTriggeredDeadlines()
                .expectNoEvents();
    }

    // --- confirming ----------------------------------------------------------------------------

    @Test
    void confirm_aHeldAppointmentIsConfirmed() {
        fixture.given(booked())
                .when(new ConfirmAppointment(APPOINTMENT, "PAY-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AppointmentConfirmed(APPOINTMENT, "PAY-1"));
    }

    @Test
    void confirm_aRepeatedConfirmationIsANoOp() {
        fixture.given(booked(), confirmed())
                .when(new ConfirmAppointment(APPOINTMENT, "PAY-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void confirm_aFreeAppointmentNeedsNoPayment() {
        fixture.given(booked(0), new AppointmentConfirmed(APPOINTMENT, "FREE"))
                .when(new ConfirmAppointment(APPOINTMENT, "PAY-9"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void confirm_refusedOnceExpired() {
        fixture.given(booked(), expired())
                .when(new ConfirmAppointment(APPOINTMENT, "PAY-1"))
                .expectException(violation(ErrorCode.APPOINTMENT_NOT_CONFIRMABLE))
                .expectExceptionMessage("The appointment is expired and can no longer be confirmed.")
                .expectNoEvents();
    }

    @Test
    void confirm_refusedOnceCancelled() {
        fixture.given(booked(), cancelled(CancelledBy.PATIENT, "changed my mind", false))
                .when(new ConfirmAppointment(APPOINTMENT, "PAY-1"))
                .expectException(violation(ErrorCode.APPOINTMENT_NOT_CONFIRMABLE))
                .expectNoEvents();
    }

    @Test
    void confirm_refusedOnceCancelledByTheHospital() {
        fixture.given(booked(), cancelled(CancelledBy.HOSPITAL, "doctor ill", false))
                .when(new ConfirmAppointment(APPOINTMENT, "PAY-1"))
                .expectException(violation(ErrorCode.APPOINTMENT_NOT_CONFIRMABLE))
                .expectNoEvents();
    }

    // --- cancelled by the patient --------------------------------------------------------------

    @Test
    void patientCancel_aHeldAppointmentBeforeTheDeadline() {
        givenBooked(BOOKED_AT)
                .when(cancelByPatient("changed my mind"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(cancelled(CancelledBy.PATIENT, "changed my mind", false));
    }

    @Test
    void patientCancel_aConfirmedAppointmentSaysItWasConfirmed() {
        givenBooked(BOOKED_AT, confirmed())
                .when(cancelByPatient("changed my mind"))
                .expectEvents(cancelled(CancelledBy.PATIENT, "changed my mind", true));
    }

    @Test
    void patientCancel_justBeforeTheDeadline() {
        givenBooked(CANCEL_UNTIL.minusMillis(1), confirmed())
                .when(cancelByPatient(null))
                .expectEvents(cancelled(CancelledBy.PATIENT, null, true));
    }

    @Test
    void patientCancel_refusedAtTheDeadline() {
        givenBooked(CANCEL_UNTIL, confirmed())
                .when(cancelByPatient("too late"))
                .expectException(violation(ErrorCode.CANCEL_DEADLINE_PASSED))
                .expectNoEvents();
    }

    @Test
    void patientCancel_refusedAfterTheDeadline() {
        givenBooked(CANCEL_UNTIL.plus(Duration.ofMinutes(30)))
                .when(cancelByPatient("too late"))
                .expectException(violation(ErrorCode.CANCEL_DEADLINE_PASSED))
                .expectNoEvents();
    }

    @Test
    void patientCancel_anotherPatientsAppointmentIsNotFound() {
        givenBooked(BOOKED_AT)
                .when(new CancelAppointment(APPOINTMENT, OTHER_PATIENT, ACCOUNT, "not mine"))
                .expectException(violation(ErrorCode.APPOINTMENT_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void patientCancel_anotherPatientLearnsNothingEvenOfACancelledOne() {
        givenBooked(BOOKED_AT, cancelled(CancelledBy.PATIENT, "changed my mind", false))
                .when(new CancelAppointment(APPOINTMENT, OTHER_PATIENT, ACCOUNT, "not mine"))
                .expectException(violation(ErrorCode.APPOINTMENT_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void patientCancel_aRepeatedCancellationIsANoOp() {
        givenBooked(BOOKED_AT, cancelled(CancelledBy.PATIENT, "changed my mind", false))
                .when(cancelByPatient("changed my mind"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void patientCancel_aRepeatAfterTheDeadlineIsStillANoOp() {
        givenBooked(CANCEL_UNTIL.plus(Duration.ofHours(1)), cancelled(CancelledBy.PATIENT, "changed my mind", false))
                .when(cancelByPatient("changed my mind"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void patientCancel_anAppointmentTheHospitalCancelledIsANoOp() {
        givenBooked(BOOKED_AT, cancelled(CancelledBy.HOSPITAL, "doctor ill", false))
                .when(cancelByPatient("changed my mind"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void patientCancel_anExpiredAppointmentIsNotCancellable() {
        givenBooked(BOOKED_AT.plus(Duration.ofHours(1)), expired())
                .when(cancelByPatient("changed my mind"))
                .expectException(violation(ErrorCode.APPOINTMENT_NOT_CANCELLABLE))
                .expectExceptionMessage("The appointment is expired and can no longer be cancelled.")
                .expectNoEvents();
    }

    @Test
    void patientCancel_throughCommandsCarriesTheFlagOfThePayment() {
        givenOpened(new ConfirmAppointment(APPOINTMENT, "PAY-1"))
                .when(cancelByPatient("changed my mind"))
                .expectEvents(cancelled(CancelledBy.PATIENT, "changed my mind", true))
                .expectState(appointment ->
                        assertThat(appointment.status()).isEqualTo(AppointmentStatus.CANCELLED));
    }

    // --- cancelled by the hospital -------------------------------------------------------------

    @Test
    void hospitalCancel_worksAfterThePatientDeadline() {
        givenBooked(CANCEL_UNTIL.plus(Duration.ofHours(1)), confirmed())
                .when(new CancelAppointmentByHospital(APPOINTMENT, "doctor ill"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(cancelled(CancelledBy.HOSPITAL, "doctor ill", true));
    }

    @Test
    void hospitalCancel_aHeldAppointmentWasNotConfirmed() {
        givenBooked(BOOKED_AT)
                .when(new CancelAppointmentByHospital(APPOINTMENT, "doctor ill"))
                .expectEvents(cancelled(CancelledBy.HOSPITAL, "doctor ill", false));
    }

    @Test
    void hospitalCancel_aRepeatIsANoOp() {
        fixture.given(booked(), cancelled(CancelledBy.HOSPITAL, "doctor ill", true))
                .when(new CancelAppointmentByHospital(APPOINTMENT, "doctor ill"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void hospitalCancel_anAppointmentThePatientCancelledIsANoOp() {
        fixture.given(booked(), cancelled(CancelledBy.PATIENT, "changed my mind", false))
                .when(new CancelAppointmentByHospital(APPOINTMENT, "doctor ill"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void hospitalCancel_anExpiredAppointmentIsANoOp() {
        fixture.given(booked(), expired())
                .when(new CancelAppointmentByHospital(APPOINTMENT, "doctor ill"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void describeVisit_aConfirmedAppointmentAnswersWhoSawWhomWhereAndWhen() {
        fixture.given(booked(), confirmed())
                .when(new DescribeVisit(APPOINTMENT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new Visit(PATIENT, DOCTOR, DEPARTMENT, DATE))
                .expectNoEvents();
    }

    @Test
    void describeVisit_aCancelledOrExpiredAppointmentIsNoVisit() {
        fixture.given(booked(), cancelled(CancelledBy.PATIENT, "changed my mind", false))
                .when(new DescribeVisit(APPOINTMENT))
                .expectException(violation(ErrorCode.NO_VISIT_TO_RECORD));
        fixture.given(booked(), expired())
                .when(new DescribeVisit(APPOINTMENT))
                .expectException(violation(ErrorCode.NO_VISIT_TO_RECORD));
    }
}
