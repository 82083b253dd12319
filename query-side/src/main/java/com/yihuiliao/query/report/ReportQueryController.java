package com.yihuiliao.query.report;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.report.FindPatientReports;
import com.yihuiliao.api.report.FindReport;
import com.yihuiliao.api.report.FindReportFile;
import com.yihuiliao.api.report.FindReports;
import com.yihuiliao.api.report.ReportDetail;
import com.yihuiliao.api.report.ReportFile;
import com.yihuiliao.api.report.ReportSummary;
import com.yihuiliao.api.report.ReportType;
import com.yihuiliao.query.DownloadLinks;
import com.yihuiliao.query.DateRanges;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Reports", description = "Lab and imaging reports (报告查询) of my patients once released (patients), "
        + "and every report (staff)")
class ReportQueryController {

    private final Reads reads;
    private final DownloadLinks links;

    ReportQueryController(Reads reads, DownloadLinks links) {
        this.reads = reads;
        this.links = links;
    }

    @GetMapping("/api/me/reports")
    @Operation(summary = "One of my patients' released reports, of one type or both, reported from one Shanghai date "
            + "to another (inclusive), newest first")
    ListPage<ReportSummary> mine(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                 @RequestParam @ResourceId String patientId,
                                 @RequestParam(required = false) ReportType type,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                 @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        DateRanges.requireOrdered(from, to);
        return reads.pageOfMyPatient(jwt, patientId, ReportSummary.class, () -> new FindPatientReports(patientId, type,
                from == null ? null : from.atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant(),
                cursor, ListPage.size(size)));
    }

    @GetMapping("/api/me/reports/{reportId}")
    @Operation(summary = "One of my patients' released reports in full: its results with their ↑/↓ flags")
    ReportDetail one(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                     @PathVariable @ResourceId String reportId) {
        return mineReleased(jwt, reportId).forPatient();
    }

    @GetMapping("/api/me/reports/{reportId}/download-link")
    @Operation(summary = "A link to download one of my patients' released reports as PDF, valid for 10 minutes")
    DownloadLinks.DownloadLink downloadLink(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                            @PathVariable @ResourceId String reportId) {
        ReportFile file = reads.oneOfMyPatients(jwt, new FindReportFile(reportId), ReportFile.class,
                ReportFile::patientId, ErrorCode.REPORT_NOT_FOUND);
        if (!file.released() || file.objectKey() == null) {
            throw new BusinessRuleViolation(ErrorCode.REPORT_NOT_FOUND);
        }
        return links.of(file.objectKey(), "report " + reportId, ErrorCode.DOCUMENT_STORAGE_UNAVAILABLE);
    }

    @GetMapping("/api/admin/reports")
    @Operation(summary = "Staff: reports of one patient or all, of one type or both, released or not, newest first")
    ListPage<ReportSummary> list(@RequestParam(required = false) @ResourceId String patientId,
                                 @RequestParam(required = false) ReportType type,
                                 @RequestParam(required = false) Boolean released,
                                 @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                 @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reads.page(new FindReports(patientId, type, released, cursor, ListPage.size(size)), ReportSummary.class);
    }

    @GetMapping("/api/admin/reports/{reportId}")
    @Operation(summary = "Staff: a report in full, released or not, with who pushed or entered, released and amended it")
    ReportDetail detail(@PathVariable @ResourceId String reportId) {
        return reads.one(new FindReport(reportId), ReportDetail.class, ErrorCode.REPORT_NOT_FOUND);
    }

    /** An unreleased report answers as an unknown one: the patient does not learn it exists. */
    private ReportDetail mineReleased(Jwt jwt, String reportId) {
        ReportDetail report = reads.oneOfMyPatients(jwt, new FindReport(reportId), ReportDetail.class,
                ReportDetail::patientId, ErrorCode.REPORT_NOT_FOUND);
        if (!report.released()) {
            throw new BusinessRuleViolation(ErrorCode.REPORT_NOT_FOUND);
        }
        return report;
    }
}
