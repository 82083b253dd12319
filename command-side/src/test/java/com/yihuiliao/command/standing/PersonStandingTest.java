package com.yihuiliao.command.standing;

import static com.yihuiliao.command.Violations.violation;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.standing.BanLifted;
import com.yihuiliao.api.standing.LiftBan;
import com.yihuiliao.api.standing.OffenceKind;
import com.yihuiliao.api.standing.OffenceRecorded;
import com.yihuiliao.api.standing.PenaltyRule;
import com.yihuiliao.api.standing.PenaltyRules;
import com.yihuiliao.api.standing.PenaltyWindow;
import com.yihuiliao.api.standing.PersonBanned;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The penalty engine: windows, counts, escalation, lifting, and the rules in force when an offence is weighed. */
class PersonStandingTest {

    static final String KEY = "a".repeat(64);
    static final String BAN_PREFIX = "a".repeat(24) + "-";
    static final String PATIENT = "p1";
    static final PenaltyRules DEFAULTS = PenaltyRules.defaults();
    /** 12:00 Beijing time, the end of a morning. */
    static final Instant MARCH = Instant.parse("2026-03-10T04:00:00Z");
    static final Instant JUNE = Instant.parse("2026-06-10T04:00:00Z");
    static final Instant OCTOBER = Instant.parse("2026-10-10T04:00:00Z");

    private FixtureConfiguration<PersonStanding> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PersonStanding.class);
    }

    static RecordOffenceUnderRules offence(OffenceKind kind, String subject, Instant at, PenaltyRules rules) {
        return new RecordOffenceUnderRules(KEY, PATIENT, kind, subject, at, rules);
    }

    static RecordOffenceUnderRules noShow(String subject, Instant at) {
        return offence(OffenceKind.NO_SHOW, subject, at, DEFAULTS);
    }

    static OffenceRecorded recorded(OffenceKind kind, String subject, Instant at) {
        return new OffenceRecorded(KEY, PATIENT, kind, subject, at);
    }

    static PersonBanned banned(int n, OffenceKind kind, String rule, int counted, Instant from, Instant until) {
        return new PersonBanned(KEY, BAN_PREFIX + n, PATIENT, kind, rule, counted, from, until);
    }

    static Instant days(Instant from, int days) {
        return from.plus(Duration.ofDays(days));
    }

    @Test
    void theFirstNoShowOfAYearBans30Days() {
        fixture.givenCurrentTime(MARCH)
                .when(noShow("apt-1", MARCH))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(recorded(OffenceKind.NO_SHOW, "apt-1", MARCH),
                        banned(1, OffenceKind.NO_SHOW, "no-show", 1, MARCH, days(MARCH, 30)));
    }

    @Test
    void theSecondNoShowOfTheYearBans60Days() {
        fixture.givenCurrentTime(JUNE)
                .andGiven(recorded(OffenceKind.NO_SHOW, "apt-1", MARCH),
                        banned(1, OffenceKind.NO_SHOW, "no-show", 1, MARCH, days(MARCH, 30)))
                .when(noShow("apt-2", JUNE))
                .expectEvents(recorded(OffenceKind.NO_SHOW, "apt-2", JUNE),
                        banned(2, OffenceKind.NO_SHOW, "no-show", 2, JUNE, days(JUNE, 60)));
    }

    @Test
    void theThirdNoShowOfTheYearBans180DaysNot90() {
        fixture.givenCurrentTime(OCTOBER)
                .andGiven(recorded(OffenceKind.NO_SHOW, "apt-1", MARCH),
                        banned(1, OffenceKind.NO_SHOW, "no-show", 1, MARCH, days(MARCH, 30)),
                        recorded(OffenceKind.NO_SHOW, "apt-2", JUNE),
                        banned(2, OffenceKind.NO_SHOW, "no-show", 2, JUNE, days(JUNE, 60)))
                .when(noShow("apt-3", OCTOBER))
                .expectEvents(recorded(OffenceKind.NO_SHOW, "apt-3", OCTOBER),
                        banned(3, OffenceKind.NO_SHOW, "three-no-shows-a-year", 3, OCTOBER, days(OCTOBER, 180)));
    }

    @Test
    void aNewCalendarYearInBeijingStartsCountingAgain() {
        // 23:30 on 31 December in Beijing is still the old year; 00:30 on 1 January the new one
        Instant oldYear = Instant.parse("2025-12-31T15:30:00Z");
        Instant newYear = Instant.parse("2025-12-31T16:30:00Z");
        fixture.givenCurrentTime(newYear)
                .andGiven(recorded(OffenceKind.NO_SHOW, "apt-1", oldYear))
                .when(noShow("apt-2", newYear))
                .expectEvents(recorded(OffenceKind.NO_SHOW, "apt-2", newYear),
                        banned(1, OffenceKind.NO_SHOW, "no-show", 1, newYear, days(newYear, 30)));
    }

    @Test
    void threeLateCancellationsInAMonthBanUntilTheMonthEnds() {
        Instant third = Instant.parse("2026-03-20T02:00:00Z");
        fixture.givenCurrentTime(third)
                .andGiven(recorded(OffenceKind.LATE_CANCELLATION, "apt-1", Instant.parse("2026-03-02T02:00:00Z")),
                        recorded(OffenceKind.LATE_CANCELLATION, "apt-2", Instant.parse("2026-03-05T02:00:00Z")))
                .when(offence(OffenceKind.LATE_CANCELLATION, "apt-3", third, DEFAULTS))
                .expectEvents(recorded(OffenceKind.LATE_CANCELLATION, "apt-3", third),
                        banned(1, OffenceKind.LATE_CANCELLATION, "three-late-cancellations-a-month", 3, third,
                                Instant.parse("2026-03-31T16:00:00Z")));
    }

    @Test
    void lateCancellationsInTwoMonthsDoNotAddUp() {
        Instant april = Instant.parse("2026-04-02T02:00:00Z");
        fixture.givenCurrentTime(april)
                .andGiven(recorded(OffenceKind.LATE_CANCELLATION, "apt-1", Instant.parse("2026-03-25T02:00:00Z")),
                        recorded(OffenceKind.LATE_CANCELLATION, "apt-2", Instant.parse("2026-03-28T02:00:00Z")))
                .when(offence(OffenceKind.LATE_CANCELLATION, "apt-3", april, DEFAULTS))
                .expectEvents(recorded(OffenceKind.LATE_CANCELLATION, "apt-3", april));
    }

    @Test
    void aRollingWindowCountsTheLastDaysOnly() {
        PenaltyRules rolling = new PenaltyRules(List.of(new PenaltyRule("two-in-30-days",
                EnumSet.of(OffenceKind.NO_SHOW, OffenceKind.SAME_DAY_REFUND), PenaltyWindow.ROLLING_DAYS, 30, 2,
                List.of(7), false)), 24);
        fixture.givenCurrentTime(MARCH)
                .andGiven(recorded(OffenceKind.SAME_DAY_REFUND, "apt-1", days(MARCH, -20)))
                .when(offence(OffenceKind.NO_SHOW, "apt-2", MARCH, rolling))
                .expectEvents(recorded(OffenceKind.NO_SHOW, "apt-2", MARCH),
                        banned(1, OffenceKind.NO_SHOW, "two-in-30-days", 2, MARCH, days(MARCH, 7)));
        fixture = new AggregateTestFixture<>(PersonStanding.class);
        fixture.givenCurrentTime(MARCH)
                .andGiven(recorded(OffenceKind.SAME_DAY_REFUND, "apt-1", days(MARCH, -40)))
                .when(offence(OffenceKind.NO_SHOW, "apt-2", MARCH, rolling))
                .expectEvents(recorded(OffenceKind.NO_SHOW, "apt-2", MARCH));
    }

    @Test
    void anOffenceIsCountedOncePerSubject() {
        fixture.givenCurrentTime(MARCH)
                .andGiven(recorded(OffenceKind.NO_SHOW, "apt-1", MARCH),
                        banned(1, OffenceKind.NO_SHOW, "no-show", 1, MARCH, days(MARCH, 30)))
                .when(noShow("apt-1", MARCH))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void theRulesInForceWhenAnOffenceIsWeighedDecideItsBan() {
        PenaltyRules lenient = new PenaltyRules(List.of(new PenaltyRule("no-show", EnumSet.of(OffenceKind.NO_SHOW),
                PenaltyWindow.CALENDAR_YEAR, 0, 1, List.of(5, 10), false)), 24);
        // the March ban was given under the defaults (30 days) and stays as it was; June's is weighed by the new rules
        fixture.givenCurrentTime(JUNE)
                .andGiven(recorded(OffenceKind.NO_SHOW, "apt-1", MARCH),
                        banned(1, OffenceKind.NO_SHOW, "no-show", 1, MARCH, days(MARCH, 30)))
                .when(offence(OffenceKind.NO_SHOW, "apt-2", JUNE, lenient))
                .expectEvents(recorded(OffenceKind.NO_SHOW, "apt-2", JUNE),
                        banned(2, OffenceKind.NO_SHOW, "no-show", 2, JUNE, days(JUNE, 10)));
    }

    @Test
    void aShorterBanDoesNotCutTheCurrentOneShort() {
        PenaltyRules lenient = new PenaltyRules(List.of(new PenaltyRule("no-show", EnumSet.of(OffenceKind.NO_SHOW),
                PenaltyWindow.CALENDAR_YEAR, 0, 1, List.of(5), false)), 24);
        Instant later = days(MARCH, 2);
        fixture.givenCurrentTime(later)
                .andGiven(recorded(OffenceKind.NO_SHOW, "apt-1", MARCH),
                        banned(1, OffenceKind.NO_SHOW, "no-show", 1, MARCH, days(MARCH, 30)))
                .when(offence(OffenceKind.NO_SHOW, "apt-2", later, lenient))
                .expectEvents(recorded(OffenceKind.NO_SHOW, "apt-2", later));
    }

    @Test
    void aBanThatWouldAlreadyHaveEndedIsNotGiven() {
        Instant muchLater = days(MARCH, 40);
        fixture.givenCurrentTime(muchLater)
                .when(noShow("apt-1", MARCH))
                .expectEvents(recorded(OffenceKind.NO_SHOW, "apt-1", MARCH));
    }

    @Test
    void staffLiftABanWithTheirReason() {
        fixture.givenCurrentTime(MARCH)
                .andGiven(recorded(OffenceKind.NO_SHOW, "apt-1", MARCH),
                        banned(1, OffenceKind.NO_SHOW, "no-show", 1, MARCH, days(MARCH, 30)))
                .when(new LiftBan(KEY, BAN_PREFIX + 1, "staff-7", "急诊就医，已核实"))
                .expectEvents(new BanLifted(KEY, BAN_PREFIX + 1, "staff-7", "急诊就医，已核实"));
    }

    @Test
    void liftingTwiceChangesNothingAndAnUnknownBanIsNotFound() {
        fixture.givenCurrentTime(MARCH)
                .andGiven(recorded(OffenceKind.NO_SHOW, "apt-1", MARCH),
                        banned(1, OffenceKind.NO_SHOW, "no-show", 1, MARCH, days(MARCH, 30)),
                        new BanLifted(KEY, BAN_PREFIX + 1, "staff-7", "核实"))
                .when(new LiftBan(KEY, BAN_PREFIX + 1, "staff-7", "核实"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture = new AggregateTestFixture<>(PersonStanding.class);
        fixture.givenCurrentTime(MARCH)
                .andGiven(recorded(OffenceKind.NO_SHOW, "apt-1", MARCH))
                .when(new LiftBan(KEY, "nope", "staff-7", "核实"))
                .expectException(violation(ErrorCode.BAN_NOT_FOUND));
    }

    @Test
    void aLiftedBanStillLeavesItsOffenceCounted() {
        fixture.givenCurrentTime(JUNE)
                .andGiven(recorded(OffenceKind.NO_SHOW, "apt-1", MARCH),
                        banned(1, OffenceKind.NO_SHOW, "no-show", 1, MARCH, days(MARCH, 30)),
                        new BanLifted(KEY, BAN_PREFIX + 1, "staff-7", "核实"))
                .when(noShow("apt-2", JUNE))
                .expectEvents(recorded(OffenceKind.NO_SHOW, "apt-2", JUNE),
                        banned(2, OffenceKind.NO_SHOW, "no-show", 2, JUNE, days(JUNE, 60)));
    }

    /** The defaults and a rule that bans for a week on a same-day refund. */
    static final PenaltyRules SAME_DAY_REFUNDS_COUNT = new PenaltyRules(java.util.stream.Stream.concat(
            DEFAULTS.rules().stream(), java.util.stream.Stream.of(new PenaltyRule("same-day-refund",
                    EnumSet.of(OffenceKind.SAME_DAY_REFUND), PenaltyWindow.CALENDAR_MONTH, 0, 1, List.of(7), false)))
            .toList(), 24);

    @Test
    void aRuleThatCountsSameDayRefundsBansOnOne() {
        fixture.givenCurrentTime(MARCH)
                .when(offence(OffenceKind.SAME_DAY_REFUND, "apt-1", MARCH, SAME_DAY_REFUNDS_COUNT))
                .expectResultMessagePayload(true)
                .expectEvents(recorded(OffenceKind.SAME_DAY_REFUND, "apt-1", MARCH),
                        banned(1, OffenceKind.SAME_DAY_REFUND, "same-day-refund", 1, MARCH, days(MARCH, 7)));
    }

    @Test
    void theDefaultRulesRecordASameDayRefundButDoNotCountIt() {
        fixture.givenCurrentTime(MARCH)
                .andGiven(recorded(OffenceKind.SAME_DAY_REFUND, "apt-1", days(MARCH, -2)),
                        recorded(OffenceKind.SAME_DAY_REFUND, "apt-2", days(MARCH, -1)))
                .when(offence(OffenceKind.SAME_DAY_REFUND, "apt-3", MARCH, DEFAULTS))
                .expectResultMessagePayload(true)
                .expectEvents(recorded(OffenceKind.SAME_DAY_REFUND, "apt-3", MARCH));
    }

    @Test
    void aRuleCountingLateCancellationsAndSameDayRefundsCountsOneAppointmentOnce() {
        PenaltyRules both = new PenaltyRules(List.of(new PenaltyRule("two-cancellations",
                EnumSet.of(OffenceKind.LATE_CANCELLATION, OffenceKind.SAME_DAY_REFUND), PenaltyWindow.CALENDAR_MONTH,
                0, 2, List.of(7), false)), 24);
        // apt-1 was cancelled late on its visit day: two facts, one appointment; the rule has counted one, not two
        fixture.givenCurrentTime(MARCH)
                .andGiven(recorded(OffenceKind.LATE_CANCELLATION, "apt-1", MARCH))
                .when(offence(OffenceKind.SAME_DAY_REFUND, "apt-1", MARCH, both))
                .expectResultMessagePayload(true)
                .expectEvents(recorded(OffenceKind.SAME_DAY_REFUND, "apt-1", MARCH));
        // a second appointment is the second counted
        Instant later = days(MARCH, 1);
        fixture = new AggregateTestFixture<>(PersonStanding.class);
        fixture.givenCurrentTime(later)
                .andGiven(recorded(OffenceKind.LATE_CANCELLATION, "apt-1", MARCH),
                        recorded(OffenceKind.SAME_DAY_REFUND, "apt-1", MARCH))
                .when(offence(OffenceKind.LATE_CANCELLATION, "apt-2", later, both))
                .expectEvents(recorded(OffenceKind.LATE_CANCELLATION, "apt-2", later),
                        banned(1, OffenceKind.LATE_CANCELLATION, "two-cancellations", 2, later, days(later, 7)));
        // and its same-day refund does not weigh it again (a count of 1 would otherwise ban a second time, longer)
        PenaltyRules eachOne = new PenaltyRules(List.of(new PenaltyRule("each-cancellation",
                EnumSet.of(OffenceKind.LATE_CANCELLATION, OffenceKind.SAME_DAY_REFUND), PenaltyWindow.CALENDAR_MONTH,
                0, 1, List.of(7, 14), false)), 24);
        fixture = new AggregateTestFixture<>(PersonStanding.class);
        fixture.givenCurrentTime(MARCH)
                .andGiven(recorded(OffenceKind.LATE_CANCELLATION, "apt-1", MARCH),
                        banned(1, OffenceKind.LATE_CANCELLATION, "each-cancellation", 1, MARCH, days(MARCH, 7)))
                .when(offence(OffenceKind.SAME_DAY_REFUND, "apt-1", MARCH, eachOne))
                .expectEvents(recorded(OffenceKind.SAME_DAY_REFUND, "apt-1", MARCH));
    }
}
