package com.yihuiliao.command.exam;

import static com.yihuiliao.command.Violations.violation;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.exam.ExamDayCapacityChanged;
import com.yihuiliao.api.exam.ExamDayOpened;
import com.yihuiliao.api.exam.ExamPlaceReleased;
import com.yihuiliao.api.exam.ExamPlaceTaken;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An exam day's places: never more taken than it has, one per patient, none once the day has begun. */
class ExamDayTest {

    static final LocalDate DATE = LocalDate.of(2026, 12, 10);
    static final String DAY = ExamDay.idOf("pkg-1", DATE);
    /** 2026-12-05 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    private FixtureConfiguration<ExamDay> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ExamDay.class);
    }

    static ExamDayOpened opened(int capacity) {
        return new ExamDayOpened(DAY, "pkg-1", DATE, capacity);
    }

    @Test
    void aDayOpensWithItsPlaces() {
        fixture.givenNoPriorActivity()
                .when(new OpenExamDay(DAY, "pkg-1", DATE, 2))
                .expectEvents(opened(2));
        fixture.givenNoPriorActivity()
                .when(new OpenExamDay(DAY, "pkg-1", DATE, 0))
                .expectException(violation(ErrorCode.INVALID_CAPACITY));
    }

    @Test
    void placesAreTakenUntilNoneRemain() {
        fixture.givenCurrentTime(NOW).andGiven(opened(2), new ExamPlaceTaken(DAY, "b1", "p1", 1))
                .when(new TakeExamPlace(DAY, "b2", "p2"))
                .expectResultMessagePayload(new ExamPlaceTaken(DAY, "b2", "p2", 0))
                .expectEvents(new ExamPlaceTaken(DAY, "b2", "p2", 0));
        fixture.givenCurrentTime(NOW).andGiven(opened(2), new ExamPlaceTaken(DAY, "b1", "p1", 1),
                        new ExamPlaceTaken(DAY, "b2", "p2", 0))
                .when(new TakeExamPlace(DAY, "b3", "p3"))
                .expectException(violation(ErrorCode.EXAM_DAY_FULL))
                .expectNoEvents();
    }

    @Test
    void aReleasedPlaceCanBeTakenAgain() {
        fixture.givenCurrentTime(NOW).andGiven(opened(1), new ExamPlaceTaken(DAY, "b1", "p1", 0),
                        new ExamPlaceReleased(DAY, "b1"))
                .when(new TakeExamPlace(DAY, "b2", "p2"))
                .expectEvents(new ExamPlaceTaken(DAY, "b2", "p2", 0));
    }

    @Test
    void onePlacePerPatient() {
        fixture.givenCurrentTime(NOW).andGiven(opened(5), new ExamPlaceTaken(DAY, "b1", "p1", 4))
                .when(new TakeExamPlace(DAY, "b2", "p1"))
                .expectException(violation(ErrorCode.EXAM_ALREADY_BOOKED))
                .expectNoEvents();
    }

    @Test
    void noPlacesOnTheDayItselfOrAfter() {
        fixture.givenCurrentTime(Instant.parse("2026-12-09T16:00:00Z")) // midnight of the exam day in Shanghai
                .andGiven(opened(5))
                .when(new TakeExamPlace(DAY, "b1", "p1"))
                .expectException(violation(ErrorCode.EXAM_DAY_NOT_OPEN))
                .expectNoEvents();
    }

    @Test
    void releasingTwiceChangesNothing() {
        fixture.givenCurrentTime(NOW).andGiven(opened(1), new ExamPlaceTaken(DAY, "b1", "p1", 0),
                        new ExamPlaceReleased(DAY, "b1"))
                .when(new ReleaseExamPlace(DAY, "b1"))
                .expectNoEvents();
    }

    @Test
    void capacityGoesDownOnlyToThePlacesTaken() {
        fixture.givenCurrentTime(NOW).andGiven(opened(3), new ExamPlaceTaken(DAY, "b1", "p1", 2),
                        new ExamPlaceTaken(DAY, "b2", "p2", 1))
                .when(new ChangeExamDayCapacity(DAY, 1))
                .expectException(violation(ErrorCode.CAPACITY_BELOW_HELD))
                .expectNoEvents();
        fixture.givenCurrentTime(NOW).andGiven(opened(3), new ExamPlaceTaken(DAY, "b1", "p1", 2))
                .when(new ChangeExamDayCapacity(DAY, 1))
                .expectEvents(new ExamDayCapacityChanged(DAY, 1));
    }
}
