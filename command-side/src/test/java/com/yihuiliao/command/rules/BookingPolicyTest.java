package com.yihuiliao.command.rules;

import static com.yihuiliao.command.Violations.violation;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.rules.BookingRules;
import com.yihuiliao.api.rules.BookingRulesSet;
import com.yihuiliao.api.rules.SetBookingRules;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BookingPolicyTest {

    static final String HOSPITAL = BookingRules.HOSPITAL;
    static final String DEPARTMENT = "dept-1";
    static final BookingRules DEFAULTS = BookingRules.hospitalDefault();
    static final BookingRules LATER_RELEASE = new BookingRules(7, LocalTime.of(9, 30), 30, 120);

    private FixtureConfiguration<BookingPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BookingPolicy.class);
    }

    static Stream<BookingRules> invalidRules() {
        return Stream.of(
                new BookingRules(-1, LocalTime.of(8, 0), 30, 120),
                new BookingRules(91, LocalTime.of(8, 0), 30, 120),
                new BookingRules(7, null, 30, 120),
                new BookingRules(7, LocalTime.of(8, 0), -1, 120),
                new BookingRules(7, LocalTime.of(8, 0), 24 * 60 + 1, 120),
                new BookingRules(7, LocalTime.of(8, 0), 30, -1),
                new BookingRules(7, LocalTime.of(8, 0), 30, 7 * 24 * 60 + 1));
    }

    static Stream<BookingRules> edgeOfValidRules() {
        return Stream.of(
                new BookingRules(0, LocalTime.MIDNIGHT, 0, 0),
                new BookingRules(90, LocalTime.of(23, 59), 24 * 60, 7 * 24 * 60));
    }

    @Test
    void theFirstRulesOfAScopeCreateIt() {
        fixture.givenNoPriorActivity()
                .when(new SetBookingRules(HOSPITAL, DEFAULTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingRulesSet(HOSPITAL, DEFAULTS));
    }

    @Test
    void aDepartmentGetsItsOwnPolicy() {
        fixture.givenNoPriorActivity()
                .when(new SetBookingRules(DEPARTMENT, LATER_RELEASE))
                .expectEvents(new BookingRulesSet(DEPARTMENT, LATER_RELEASE));
    }

    @Test
    void theSameRulesAgainEmitNothing() {
        fixture.given(new BookingRulesSet(HOSPITAL, DEFAULTS))
                .when(new SetBookingRules(HOSPITAL, new BookingRules(7, LocalTime.of(8, 0), 30, 120)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theLatestRulesAreTheOnesCompared() {
        fixture.given(new BookingRulesSet(HOSPITAL, DEFAULTS), new BookingRulesSet(HOSPITAL, LATER_RELEASE))
                .when(new SetBookingRules(HOSPITAL, LATER_RELEASE))
                .expectNoEvents();
    }

    @Test
    void differentRulesReplaceTheOldOnes() {
        fixture.given(new BookingRulesSet(HOSPITAL, DEFAULTS))
                .when(new SetBookingRules(HOSPITAL, LATER_RELEASE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingRulesSet(HOSPITAL, LATER_RELEASE));
    }

    @Test
    void goingBackToEarlierRulesIsAChange() {
        fixture.given(new BookingRulesSet(HOSPITAL, DEFAULTS), new BookingRulesSet(HOSPITAL, LATER_RELEASE))
                .when(new SetBookingRules(HOSPITAL, DEFAULTS))
                .expectEvents(new BookingRulesSet(HOSPITAL, DEFAULTS));
    }

    @ParameterizedTest
    @MethodSource("edgeOfValidRules")
    void rulesAtTheEdgeOfValidAreAccepted(BookingRules rules) {
        fixture.givenNoPriorActivity()
                .when(new SetBookingRules(HOSPITAL, rules))
                .expectEvents(new BookingRulesSet(HOSPITAL, rules));
    }

    @ParameterizedTest
    @MethodSource("invalidRules")
    void invalidFirstRulesAreRefused(BookingRules rules) {
        fixture.givenNoPriorActivity()
                .when(new SetBookingRules(HOSPITAL, rules))
                .expectException(violation(ErrorCode.INVALID_RULES))
                .expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("invalidRules")
    void invalidRulesDoNotReplaceValidOnes(BookingRules rules) {
        fixture.given(new BookingRulesSet(HOSPITAL, DEFAULTS))
                .when(new SetBookingRules(HOSPITAL, rules))
                .expectException(violation(ErrorCode.INVALID_RULES))
                .expectNoEvents();
    }

    @Test
    void missingRulesAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new SetBookingRules(HOSPITAL, null))
                .expectException(violation(ErrorCode.INVALID_RULES))
                .expectNoEvents();
    }

    @Test
    void missingRulesDoNotClearExistingOnes() {
        fixture.given(new BookingRulesSet(HOSPITAL, DEFAULTS))
                .when(new SetBookingRules(HOSPITAL, null))
                .expectException(violation(ErrorCode.INVALID_RULES))
                .expectNoEvents();
    }
}
