package com.yihuiliao.command.inpatient;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.inpatient.AdmissionFeePosted;
import com.yihuiliao.api.inpatient.AdmissionSettled;
import com.yihuiliao.api.inpatient.DischargeStarted;
import com.yihuiliao.api.inpatient.FeeCategory;
import com.yihuiliao.api.inpatient.FeeLine;
import com.yihuiliao.api.inpatient.FeePosting;
import com.yihuiliao.api.inpatient.LowDepositWarned;
import com.yihuiliao.api.inpatient.PatientAdmitted;
import com.yihuiliao.api.inpatient.RecordAdmission;
import com.yihuiliao.api.inpatient.StartDischarge;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admission is recorded once per number, posts each fee line once, warns of a low deposit once per crossing,
 * and is settled once: charged = min(fees, deposit), the rest refunded as far as the top-ups can take it back, the
 * shortfall billed.
 */
class AdmissionTest {

    static final String ADMISSION = "AD-1";
    static final String PATIENT = "pat-1";
    static final String HIS = "integration:his";
    static final Instant ADMITTED_AT = Instant.parse("2026-12-01T02:00:00Z");
    static final PatientAdmitted ADMITTED = new PatientAdmitted(ADMISSION, PATIENT, "HIS", "ZY-1", "心内科一病区",
            "12床", ADMITTED_AT, "李医生", "fp-1", HIS);
    static final LocalDate DAY = LocalDate.parse("2026-12-01");
    static final long THRESHOLD = 50_000;

    FixtureConfiguration<Admission> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Admission.class);
    }

    static RecordAdmission record(String fingerprint) {
        return new RecordAdmission(ADMISSION, PATIENT, "HIS", "ZY-1", "心内科一病区", "12床", ADMITTED_AT, "李医生",
                fingerprint, HIS);
    }

    static FeeLine line(String no, FeeCategory category, int quantity, long unitPriceFen) {
        return FeeLine.of(no, DAY, category, null, category.name(), quantity, unitPriceFen);
    }

    static RecordFees fees(long depositFen, FeeLine... lines) {
        return new RecordFees(ADMISSION, List.of(lines), depositFen, THRESHOLD, HIS);
    }

    static AdmissionFeePosted posted(FeeLine line, long totalFen) {
        return new AdmissionFeePosted(ADMISSION, PATIENT, line, totalFen, HIS);
    }

    static SettleFees settle(long depositFen, long refundableFen) {
        return new SettleFees(ADMISSION, depositFen, refundableFen, "WD-1", "BI-1", Instant.parse("2026-12-05T02:00:00Z"),
                "staff-1");
    }

    static Matcher<Object> terms(Predicate<SettlementTerms> expected) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof SettlementTerms t && expected.test(t);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the expected settlement terms");
            }
        };
    }

    @Test
    void anAdmissionIsRecordedOnce_andTheSamePushAgainChangesNothing() {
        fixture.givenNoPriorActivity().when(record("fp-1")).expectResultMessagePayload(true).expectEvents(ADMITTED);
        fixture.given(ADMITTED).when(record("fp-1")).expectResultMessagePayload(false).expectNoEvents();
        fixture.given(ADMITTED).when(record("fp-other"))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    @Test
    void feeLinesArePostedWithTheRunningTotal_andTheDepositLeftAnswered() {
        FeeLine bed = line("F1", FeeCategory.BED, 1, 8_000);
        FeeLine drug = line("F2", FeeCategory.DRUG, 3, 1_250);
        fixture.given(ADMITTED)
                .when(fees(200_000, bed, drug))
                .expectEvents(posted(bed, 8_000), posted(drug, 11_750))
                .expectResultMessagePayload(new FeePosting(ADMISSION, 2, 0, 11_750, 200_000, 188_250));
    }

    @Test
    void aLinePostedBefore_isNotPostedAgain_butWithOtherContentTheWholePushIsRefused() {
        FeeLine bed = line("F1", FeeCategory.BED, 1, 8_000);
        FeeLine drug = line("F2", FeeCategory.DRUG, 1, 500);
        fixture.given(ADMITTED, posted(bed, 8_000))
                .when(fees(200_000, bed, drug))
                .expectEvents(posted(drug, 8_500))
                .expectResultMessagePayload(new FeePosting(ADMISSION, 1, 1, 8_500, 200_000, 191_500));
        fixture.given(ADMITTED, posted(bed, 8_000))
                .when(fees(200_000, drug, line("F1", FeeCategory.BED, 2, 8_000)))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("Fee line F1 was already posted with other content.")
                .expectNoEvents();
        fixture.given(ADMITTED)
                .when(fees(200_000, drug, drug))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(ADMITTED)
                .when(fees(200_000, new FeeLine("F9", DAY, FeeCategory.DRUG, null, "药", 2, 100, 999)))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    @Test
    void theDepositFallingBelowTheThreshold_warnsOncePerCrossing() {
        FeeLine big = line("F1", FeeCategory.SURGERY, 1, 160_000);
        FeeLine small = line("F2", FeeCategory.DRUG, 1, 1_000);
        // 200,000 − 160,000 = 40,000 < 50,000: the first crossing
        fixture.given(ADMITTED)
                .when(fees(200_000, big))
                .expectEvents(posted(big, 160_000), new LowDepositWarned(ADMISSION, PATIENT, 40_000, THRESHOLD, 1));
        // still below: no second warning
        fixture.given(ADMITTED, posted(big, 160_000), new LowDepositWarned(ADMISSION, PATIENT, 40_000, THRESHOLD, 1))
                .when(fees(200_000, small))
                .expectEvents(posted(small, 161_000));
        // topped up above it meanwhile (deposit 300,000 → 140,000 left), then falling below again: the second
        FeeLine more = line("F3", FeeCategory.TREATMENT, 1, 100_000);
        fixture.given(ADMITTED, posted(big, 160_000), new LowDepositWarned(ADMISSION, PATIENT, 40_000, THRESHOLD, 1))
                .when(fees(300_000, more))
                .expectEvents(posted(more, 260_000), new LowDepositWarned(ADMISSION, PATIENT, 40_000, THRESHOLD, 2));
    }

    @Test
    void aDepositBelowTheThresholdFromTheStart_warnsAtTheFirstFees_andARepeatedPushWarnsNobody() {
        FeeLine bed = line("F1", FeeCategory.BED, 1, 8_000);
        fixture.given(ADMITTED)
                .when(fees(0, bed))
                .expectEvents(posted(bed, 8_000), new LowDepositWarned(ADMISSION, PATIENT, -8_000, THRESHOLD, 1));
        fixture.given(ADMITTED, posted(bed, 8_000))
                .when(fees(0, bed))
                .expectNoEvents();
    }

    @Test
    void theRemainderIsRefunded_asFarAsTheTopUpsCanTakeItBack() {
        FeeLine bed = line("F1", FeeCategory.BED, 3, 10_000);
        fixture.given(ADMITTED, posted(bed, 30_000))
                .when(settle(100_000, 50_000))
                .expectEvents(new DischargeStarted(ADMISSION, PATIENT, Instant.parse("2026-12-05T02:00:00Z"), "staff-1"),
                        new AdmissionSettled(ADMISSION, PATIENT, 30_000, 100_000, 30_000, 50_000, 20_000, 0,
                                "WD-1", null, "staff-1"));
    }

    @Test
    void aShortfallIsBilled_andNothingRefunded() {
        FeeLine surgery = line("F1", FeeCategory.SURGERY, 1, 150_000);
        fixture.given(ADMITTED, posted(surgery, 150_000),
                        new DischargeStarted(ADMISSION, PATIENT, ADMITTED_AT.plusSeconds(86_400), HIS))
                .when(settle(100_000, 100_000))
                .expectEvents(new AdmissionSettled(ADMISSION, PATIENT, 150_000, 100_000, 100_000, 0, 0, 50_000,
                        null, "BI-1", "staff-1"))
                .expectResultMessagePayloadMatching(terms(t -> t.shortfallFen() == 50_000 && "BI-1".equals(t.billId())));
    }

    @Test
    void feesEqualToTheDeposit_leaveNothingToRefundOrBill() {
        assertThat(SettlementTerms.decide(ADMISSION, PATIENT, 100_000, 100_000, 100_000, "WD-1", "BI-1", null))
                .isEqualTo(new SettlementTerms(ADMISSION, PATIENT, 100_000, 100_000, 100_000, 0, 0, 0, null, null, null));
        assertThat(SettlementTerms.decide(ADMISSION, PATIENT, 0, 0, 0, "WD-1", "BI-1", null))
                .isEqualTo(new SettlementTerms(ADMISSION, PATIENT, 0, 0, 0, 0, 0, 0, null, null, null));
    }

    @Test
    void aSettlementIsDecidedOnce_andTakesNoMoreFees() {
        FeeLine bed = line("F1", FeeCategory.BED, 1, 10_000);
        AdmissionSettled settled = new AdmissionSettled(ADMISSION, PATIENT, 10_000, 100_000, 10_000, 90_000, 0, 0,
                "WD-1", null, "staff-1");
        fixture.given(ADMITTED, posted(bed, 10_000), settled)
                .when(settle(500_000, 500_000))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(terms(t -> t.refundFen() == 90_000 && t.depositFen() == 100_000));
        fixture.given(ADMITTED, posted(bed, 10_000), settled)
                .when(fees(0, line("F2", FeeCategory.DRUG, 1, 100)))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(ErrorCode.ADMISSION_SETTLED.title())
                .expectNoEvents();
        fixture.given(ADMITTED, posted(bed, 10_000), settled)
                .when(new StartDischarge(ADMISSION, ADMITTED_AT, HIS))
                .expectNoEvents();
    }
}
