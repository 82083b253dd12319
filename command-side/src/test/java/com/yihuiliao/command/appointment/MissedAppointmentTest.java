package com.yihuiliao.command.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.appointment.AppointmentBooked;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.AppointmentMissed;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.CancelAppointmentByHospital;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.schedule.Period;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 爽约: only a confirmed appointment is marked missed, once; the sweep may ask about any. */
class MissedAppointmentTest {

    static final String APPOINTMENT = "apt-1";
    static final LocalDate DATE = LocalDate.of(2026, 12, 10);
    /** 12:00 in Beijing: the morning has ended. */
    static final Instant ENDED = Instant.parse("2026-12-10T04:00:00Z");

    private FixtureConfiguration<Appointment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Appointment.class);
    }

    static AppointmentBooked booked() {
        return new AppointmentBooked(APPOINTMENT, "p1", "sch-1", "doc-1", "dept-1", DATE, Period.MORNING, 5_000,
                Instant.parse("2026-12-09T22:00:00Z"), Instant.parse("2026-12-05T02:15:00Z"));
    }

    @Test
    void aConfirmedAppointmentWhosePeriodEndedIsMissed() {
        fixture.givenCurrentTime(ENDED)
                .andGiven(booked(), new AppointmentConfirmed(APPOINTMENT, "PAY-1"))
                .when(new MarkAppointmentMissed(APPOINTMENT))
                .expectResultMessagePayload(true)
                .expectEvents(new AppointmentMissed(APPOINTMENT, "sch-1", "p1", "dept-1", "doc-1", DATE, Period.MORNING))
                .expectState(appointment -> assertThat(appointment.status()).isEqualTo(AppointmentStatus.MISSED));
    }

    @Test
    void aMissedAppointmentIsMissedOnce() {
        fixture.givenCurrentTime(ENDED)
                .andGiven(booked(), new AppointmentConfirmed(APPOINTMENT, "PAY-1"),
                        new AppointmentMissed(APPOINTMENT, "sch-1", "p1", "dept-1", "doc-1", DATE, Period.MORNING))
                .when(new MarkAppointmentMissed(APPOINTMENT))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void anAppointmentThatEndedOtherwiseIsNotMissed() {
        fixture.givenCurrentTime(ENDED)
                .andGiven(booked(), new AppointmentExpired(APPOINTMENT, "sch-1", "p1"))
                .when(new MarkAppointmentMissed(APPOINTMENT))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        fixture = new AggregateTestFixture<>(Appointment.class);
        fixture.givenCurrentTime(ENDED)
                .andGiven(booked(), new AppointmentConfirmed(APPOINTMENT, "PAY-1"),
                        new AppointmentCancelled(APPOINTMENT, "sch-1", "p1", CancelledBy.HOSPITAL, "停诊", true))
                .when(new MarkAppointmentMissed(APPOINTMENT))
                .expectNoEvents();
    }

    @Test
    void aMissedAppointmentCannotBeCancelledAnyMore() {
        fixture.givenCurrentTime(ENDED)
                .andGiven(booked(), new AppointmentConfirmed(APPOINTMENT, "PAY-1"),
                        new AppointmentMissed(APPOINTMENT, "sch-1", "p1", "dept-1", "doc-1", DATE, Period.MORNING))
                .when(new CancelAppointmentByHospital(APPOINTMENT, "停诊"))
                .expectNoEvents();
    }
}
