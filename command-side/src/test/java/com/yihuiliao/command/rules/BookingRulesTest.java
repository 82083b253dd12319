package com.yihuiliao.command.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.rules.BookingRules;
import com.yihuiliao.api.schedule.BookingWindow;
import com.yihuiliao.api.schedule.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** {@link BookingRules} lives in shared-events, which has no test dependencies; it is tested here. */
class BookingRulesTest {

    static final LocalDate DATE = LocalDate.of(2026, 12, 10);

    @Test
    void hospitalDefaults() {
        assertThat(BookingRules.hospitalDefault()).isEqualTo(new BookingRules(7, LocalTime.of(8, 0), 30, 120));
        assertThat(BookingRules.hospitalDefault().isValid()).isTrue();
    }

    @Test
    void windowOfAMorningIsComputedInShanghaiTime() {
        // MORNING starts 08:00 in Shanghai = 00:00Z; release 08:00 seven days ahead = 2026-12-03T00:00Z
        BookingWindow window = new BookingRules(7, LocalTime.of(8, 0), 30, 120).windowFor(DATE, Period.MORNING);

        assertThat(window.opensAt()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(window.closesAt()).isEqualTo(Instant.parse("2026-12-09T23:30:00Z"));
        assertThat(window.cancelUntil()).isEqualTo(Instant.parse("2026-12-09T22:00:00Z"));
    }

    @Test
    void windowOfAnAfternoon() {
        // AFTERNOON starts 13:30 in Shanghai = 05:30Z
        BookingWindow window = new BookingRules(7, LocalTime.of(8, 0), 30, 120).windowFor(DATE, Period.AFTERNOON);

        assertThat(window).isEqualTo(new BookingWindow(Instant.parse("2026-12-03T00:00:00Z"),
                Instant.parse("2026-12-10T05:00:00Z"), Instant.parse("2026-12-10T03:30:00Z")));
    }

    @Test
    void windowOfAnEveningOpeningTheSameDay() {
        // EVENING starts 18:00 in Shanghai = 10:00Z; daysAhead 0 releases on the day itself
        BookingWindow window = new BookingRules(0, LocalTime.of(7, 0), 60, 24 * 60).windowFor(DATE, Period.EVENING);

        assertThat(window).isEqualTo(new BookingWindow(Instant.parse("2026-12-09T23:00:00Z"),
                Instant.parse("2026-12-10T09:00:00Z"), Instant.parse("2026-12-09T10:00:00Z")));
    }

    @Test
    void windowCrossesAMonthBoundary() {
        BookingWindow window = new BookingRules(14, LocalTime.of(20, 0), 0, 0)
                .windowFor(LocalDate.of(2027, 1, 3), Period.MORNING);

        // 2026-12-20 20:00 Shanghai = 12:00Z; with zero margins booking and cancelling stop at the start
        assertThat(window).isEqualTo(new BookingWindow(Instant.parse("2026-12-20T12:00:00Z"),
                Instant.parse("2027-01-03T00:00:00Z"), Instant.parse("2027-01-03T00:00:00Z")));
    }

    @Test
    void windowDoesNotDependOnTheJvmTimeZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertThat(BookingRules.hospitalDefault().windowFor(DATE, Period.MORNING).opensAt())
                    .isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void validity() {
        assertThat(new BookingRules(0, LocalTime.MIDNIGHT, 0, 0).isValid()).isTrue();
        assertThat(new BookingRules(90, LocalTime.NOON, 24 * 60, 7 * 24 * 60).isValid()).isTrue();

        assertThat(new BookingRules(-1, LocalTime.NOON, 30, 120).isValid()).isFalse();
        assertThat(new BookingRules(91, LocalTime.NOON, 30, 120).isValid()).isFalse();
        assertThat(new BookingRules(7, null, 30, 120).isValid()).isFalse();
        assertThat(new BookingRules(7, LocalTime.NOON, -1, 120).isValid()).isFalse();
        assertThat(new BookingRules(7, LocalTime.NOON, 24 * 60 + 1, 120).isValid()).isFalse();
        assertThat(new BookingRules(7, LocalTime.NOON, 30, -1).isValid()).isFalse();
        assertThat(new BookingRules(7, LocalTime.NOON, 30, 7 * 24 * 60 + 1).isValid()).isFalse();
    }

    @Test
    void aWindowIsOpenFromItsOpeningAndClosedFromItsClosing() {
        Instant opens = Instant.parse("2026-12-03T00:00:00Z");
        Instant closes = Instant.parse("2026-12-09T23:30:00Z");
        BookingWindow window = new BookingWindow(opens, closes, Instant.parse("2026-12-09T22:00:00Z"));

        assertThat(window.isOpenAt(opens.minusNanos(1))).isFalse();
        assertThat(window.isOpenAt(opens)).isTrue();
        assertThat(window.isClosedAt(closes.minusNanos(1))).isFalse();
        assertThat(window.isClosedAt(closes)).isTrue();
    }
}
