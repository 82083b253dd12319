package com.yihuiliao.command.report;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.report.ReportType;
import com.yihuiliao.command.integration.IntegrationClient;
import com.yihuiliao.command.integration.IntegrationSystem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Integration: reports", description = "The LIS and PACS push their reports (signed requests, HMAC-SHA256)")
class ReportIntegrationController {

    /** Which system's reports are which: the LIS's are lab reports, PACS's imaging ones. */
    private static final Map<IntegrationSystem, ReportType> TYPE_OF = Map.of(
            IntegrationSystem.LIS, ReportType.LAB, IntegrationSystem.PACS, ReportType.IMAGING);

    private final Reports reports;

    ReportIntegrationController(Reports reports) {
        this.reports = reports;
    }

    @PostMapping("/api/integration/reports")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same externalNo again: nothing changed, the report it "
            + "recorded", useReturnTypeSchema = true)
    @Operation(summary = "Push a report (LIS: LAB, PACS: IMAGING); the same externalNo records once per system, "
            + "and with other content is refused (409)")
    ResponseEntity<Reports.RecordedReport> push(@Parameter(hidden = true) @AuthenticationPrincipal IntegrationClient client,
                                                @Valid @RequestBody ReportRequest request) {
        if (TYPE_OF.get(client.system()) != request.type()) {
            throw new BusinessRuleViolation(ErrorCode.FORBIDDEN, "type",
                    "This system may not push " + request.type() + " reports.");
        }
        Reports.RecordedReport recorded = reports.record(client.system().name(), request, client.actor());
        return ResponseEntity.status(recorded.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(recorded);
    }
}
