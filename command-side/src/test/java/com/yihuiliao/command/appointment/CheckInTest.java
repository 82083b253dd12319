package com.yihuiliao.command.appointment;

import static com.yihuiliao.command.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.AppointmentBooked;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.CheckInRecorded;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.CancelAppointmentByHospital;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.schedule.Period;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 签到: a confirmed appointment, on its day, from two hours before its morning starts (08:00) until it ends (12:00). */
class CheckInTest {

    static final String APPOINTMENT = "apt-1";
    static final LocalDate DATE = LocalDate.of(2026, 12, 10);
    /** 06:00 in Beijing on the visit day. */
    static final Instant OPENS = Instant.parse("2026-12-09T22:00:00Z");
    /** 12:00 in Beijing: the morning ends. */
    static final Instant CLOSES = Instant.parse("2026-12-10T04:00:00Z");

    private FixtureConfiguration<Appointment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Appointment.class);
    }

    static RecordCheckIn checkIn(String patientId) {
        return new RecordCheckIn(APPOINTMENT, patientId, 120);
    }

    TestExecutor<Appointment> givenConfirmed(Instant now, Object... more) {
        Object[] events = new Object[more.length + 2];
        events[0] = new AppointmentBooked(APPOINTMENT, "p1", "sch-1", "doc-1", "dept-1", DATE, Period.MORNING, 5_000,
                Instant.parse("2026-12-09T22:00:00Z"), Instant.parse("2026-12-05T02:15:00Z"));
        events[1] = new AppointmentConfirmed(APPOINTMENT, "PAY-1");
        System.arraycopy(more, 0, events, 2, more.length);
        return fixture.givenCurrentTime(now).andGiven(events);
    }

    @Test
    void aConfirmedAppointmentChecksInWhenTheWindowOpens() {
        givenConfirmed(OPENS)
                .when(checkIn("p1"))
                .expectEvents(new CheckInRecorded(APPOINTMENT, "sch-1", "p1"))
                .expectState(appointment -> assertThat(appointment.status()).isEqualTo(AppointmentStatus.CHECKED_IN));
    }

    @Test
    void aLatecomerChecksInUntilThePeriodEnds() {
        givenConfirmed(CLOSES.minusSeconds(1))
                .when(checkIn("p1"))
                .expectEvents(new CheckInRecorded(APPOINTMENT, "sch-1", "p1"));
    }

    @Test
    void tooEarlyOrTheDayBeforeIsRefusedSayingWhenItOpens() {
        givenConfirmed(OPENS.minusSeconds(1))
                .when(checkIn("p1"))
                .expectException(violation(ErrorCode.CHECK_IN_NOT_OPEN))
                .expectNoEvents();
    }

    @Test
    void theWindowNeverOpensBeforeTheVisitDay() {
        // twelve hours before 08:00 would be the evening before: the window opens at midnight instead
        givenConfirmed(Instant.parse("2026-12-09T15:59:00Z"))
                .when(new RecordCheckIn(APPOINTMENT, "p1", 720))
                .expectException(violation(ErrorCode.CHECK_IN_NOT_OPEN));
    }

    @Test
    void afterThePeriodOrOnALaterDayIsRefused() {
        givenConfirmed(CLOSES)
                .when(checkIn("p1"))
                .expectException(violation(ErrorCode.CHECK_IN_CLOSED))
                .expectNoEvents();
    }

    @Test
    void checkingInTwiceIsRefused() {
        givenConfirmed(OPENS, new CheckInRecorded(APPOINTMENT, "sch-1", "p1"))
                .when(checkIn("p1"))
                .expectException(violation(ErrorCode.ALREADY_CHECKED_IN));
    }

    @Test
    void anUnpaidOrCancelledAppointmentDoesNotCheckIn() {
        givenConfirmed(OPENS, new AppointmentCancelled(APPOINTMENT, "sch-1", "p1", CancelledBy.PATIENT, null, true))
                .when(checkIn("p1"))
                .expectException(violation(ErrorCode.APPOINTMENT_NOT_CHECKABLE));
    }

    @Test
    void anotherPatientsAppointmentIsUnknown() {
        givenConfirmed(OPENS)
                .when(checkIn("p2"))
                .expectException(violation(ErrorCode.APPOINTMENT_NOT_FOUND));
    }

    @Test
    void aCheckedInAppointmentIsNeverMissed() {
        givenConfirmed(CLOSES, new CheckInRecorded(APPOINTMENT, "sch-1", "p1"))
                .when(new MarkAppointmentMissed(APPOINTMENT))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aSuspensionAfterCheckInStillCancelsAndRefunds() {
        givenConfirmed(OPENS, new CheckInRecorded(APPOINTMENT, "sch-1", "p1"))
                .when(new CancelAppointmentByHospital(APPOINTMENT, "医生停诊"))
                .expectEvents(new AppointmentCancelled(APPOINTMENT, "sch-1", "p1", CancelledBy.HOSPITAL, "医生停诊", true));
    }
}
