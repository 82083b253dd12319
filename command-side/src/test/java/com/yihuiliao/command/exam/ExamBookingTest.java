package com.yihuiliao.command.exam;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.exam.ExamBooked;
import com.yihuiliao.api.exam.ExamBookingExpired;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An exam booking awaits payment until its deadline, then expires (and its place goes back through ExamProcess). */
class ExamBookingTest {

    static final Instant BOOKED_AT = Instant.parse("2026-12-05T02:00:00Z");
    static final Instant PAY_BY = BOOKED_AT.plus(Duration.ofMinutes(30));
    static final ExamBooked BOOKED = new ExamBooked("b1", "TJ20261210ABCDEF1234", "examday:pkg-1:2026-12-10", "p1",
            "pkg-1", "入职体检", LocalDate.of(2026, 12, 10), 39_900, "07:30-09:30", "体检中心", "空腹", PAY_BY);

    private FixtureConfiguration<ExamBooking> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ExamBooking.class);
    }

    @Test
    void aBookingIsHeldUntilItsPaymentDeadline() {
        fixture.givenCurrentTime(BOOKED_AT)
                .when(new OpenExamBooking(BOOKED))
                .expectEvents(BOOKED)
                .expectScheduledDeadlineWithName(PAY_BY, ExamBooking.PAYMENT_EXPIRY)
                .expectState(booking -> {
                    assertThat(booking.slip().status()).isEqualTo("HELD");
                    assertThat(booking.slip().bookingNumber()).isEqualTo("TJ20261210ABCDEF1234");
                    assertThat(booking.slip().notes()).isEqualTo("空腹");
                    assertThat(booking.slip().payBy()).isEqualTo(PAY_BY);
                });
    }

    @Test
    void anUnpaidBookingExpiresAtTheDeadline() {
        fixture.givenCurrentTime(BOOKED_AT).andGivenCommands(new OpenExamBooking(BOOKED))
                .whenTimeAdvancesTo(PAY_BY)
                .expectTriggeredDeadlinesWithName(ExamBooking.PAYMENT_EXPIRY)
                .expectEvents(new ExamBookingExpired("b1", BOOKED.examDayId(), "p1"))
                .expectState(booking -> assertThat(booking.slip().status()).isEqualTo("EXPIRED"));
    }

    @Test
    void nothingExpiresBeforeTheDeadline() {
        fixture.givenCurrentTime(BOOKED_AT).andGivenCommands(new OpenExamBooking(BOOKED))
                .whenTimeAdvancesTo(PAY_BY.minusMillis(1))
                .expectNoEvents();
    }
}
