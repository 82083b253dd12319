package com.yihuiliao.command.report;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.report.AbnormalFlag;
import com.yihuiliao.api.report.AmendReport;
import com.yihuiliao.api.report.RecordReport;
import com.yihuiliao.api.report.ReleaseReport;
import com.yihuiliao.api.report.ReportAmended;
import com.yihuiliao.api.report.ReportContent;
import com.yihuiliao.api.report.ReportItem;
import com.yihuiliao.api.report.ReportRecorded;
import com.yihuiliao.api.report.ReportReleased;
import com.yihuiliao.api.report.ReportType;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A report is recorded once per external number, released once, amended with a reason, one version each. */
class ReportTest {

    static final String REPORT = "RP-1";
    static final String PATIENT = "pat-1";
    static final ReportContent CONTENT = new ReportContent("血常规", Instant.parse("2026-12-01T02:00:00Z"),
            List.of(new ReportItem("白细胞计数", "11.2", "10^9/L", "3.5-9.5", AbnormalFlag.HIGH)), null, "白细胞偏高",
            "reports/RP-1/abc.pdf");
    static final ReportRecorded RECORDED = new ReportRecorded(REPORT, PATIENT, ReportType.LAB, "LIS", "L-1", CONTENT,
            "fp-1", "integration:lis");

    FixtureConfiguration<Report> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Report.class);
    }

    static RecordReport record(String fingerprint, boolean release) {
        return new RecordReport(REPORT, PATIENT, ReportType.LAB, "LIS", "L-1", CONTENT, fingerprint, release,
                "integration:lis");
    }

    @Test
    void aNewReportIsRecordedAndNotYetReleased() {
        fixture.givenNoPriorActivity()
                .when(record("fp-1", false))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(RECORDED);
    }

    @Test
    void aPushMayReleaseItAtOnce() {
        fixture.givenNoPriorActivity()
                .when(record("fp-1", true))
                .expectEvents(RECORDED, new ReportReleased(REPORT, PATIENT, "integration:lis"));
    }

    @Test
    void theSamePushAgainChangesNothing() {
        fixture.given(RECORDED)
                .when(record("fp-1", true))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void theSameNumberWithOtherContentIsRefused() {
        fixture.given(RECORDED)
                .when(record("fp-2", false))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void releasedOnce() {
        fixture.given(RECORDED, new ReportReleased(REPORT, PATIENT, "staff:1"))
                .when(new ReleaseReport(REPORT, "staff:2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAmendmentIsTheNextVersionAndKeepsThePdfWhenItBringsNone() {
        ReportContent corrected = new ReportContent("血常规", CONTENT.reportedAt(),
                List.of(new ReportItem("白细胞计数", "9.1", "10^9/L", "3.5-9.5", null)), null, "未见异常", null);
        fixture.given(RECORDED, new ReportAmended(REPORT, PATIENT, 2, CONTENT, "typo", "staff:1"))
                .when(new AmendReport(REPORT, corrected, "仪器复测", "staff:1"))
                .expectResultMessagePayload(3)
                .expectEvents(new ReportAmended(REPORT, PATIENT, 3, new ReportContent(corrected.title(),
                        corrected.reportedAt(), corrected.items(), null, "未见异常", CONTENT.objectKey()), "仪器复测",
                        "staff:1"));
    }

    @Test
    void anAmendmentSaysWhy() {
        fixture.given(RECORDED)
                .when(new AmendReport(REPORT, CONTENT, " ", "staff:1"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }
}
