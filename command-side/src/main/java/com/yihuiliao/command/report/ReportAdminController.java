package com.yihuiliao.command.report;

import com.yihuiliao.api.ResourceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Reports (staff)", description = "Lab and imaging reports (检验 / 检查) entered, released and amended by staff")
class ReportAdminController {

    /** Where staff-entered reports say they came from. */
    static final String STAFF_SOURCE = "STAFF";

    private final Reports reports;

    ReportAdminController(Reports reports) {
        this.reports = reports;
    }

    /** A report's new version after an amendment. */
    record Amended(String reportId, int version) {
    }

    @PostMapping("/api/admin/reports")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same externalNo again: the report it recorded",
            useReturnTypeSchema = true)
    @Operation(summary = "Enter a report by hand for a patient; the same externalNo records once (200 on a repeat)")
    ResponseEntity<Reports.RecordedReport> enter(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                                 @Valid @RequestBody ReportRequest request) {
        Reports.RecordedReport recorded = reports.record(STAFF_SOURCE, request, jwt.getSubject());
        return ResponseEntity.status(recorded.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(recorded);
    }

    @PostMapping("/api/admin/reports/{reportId}/release")
    @Operation(summary = "Release a report to its patient (审核发布); a repeat changes nothing")
    ResponseEntity<Void> release(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                 @PathVariable @ResourceId String reportId) {
        reports.release(reportId, jwt.getSubject());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/admin/reports/{reportId}")
    @Operation(summary = "Amend a report: the corrected content in full and why; it keeps its release state")
    Amended amend(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                  @PathVariable @ResourceId String reportId, @Valid @RequestBody ReportRequest.Amendment amendment) {
        return new Amended(reportId, reports.amend(reportId, amendment, jwt.getSubject()));
    }
}
