package com.yihuiliao.command.inpatient;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.inpatient.AdmissionSettlement;
import com.yihuiliao.api.inpatient.FeePosting;
import com.yihuiliao.command.integration.IntegrationClient;
import com.yihuiliao.command.integration.IntegrationSystem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The HIS names its admissions by its own admission number (住院号). */
@RestController
@Validated
@Tag(name = "Integration: inpatient care", description = "The HIS pushes admissions, their fees, discharges and "
        + "asks for settlement (signed requests, HMAC-SHA256)")
class AdmissionIntegrationController {

    private final Admissions admissions;

    AdmissionIntegrationController(Admissions admissions) {
        this.admissions = admissions;
    }

    @PostMapping("/api/integration/admissions")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same externalNo again: nothing changed",
            useReturnTypeSchema = true)
    @Operation(summary = "Push an admission (HIS only); the same admission number records once, with other content "
            + "it is refused (409)")
    ResponseEntity<Admissions.RecordedAdmission> admit(
            @Parameter(hidden = true) @AuthenticationPrincipal IntegrationClient client,
            @Valid @RequestBody AdmissionRequests.AdmissionRequest request) {
        Admissions.RecordedAdmission recorded = admissions.record(his(client), request, client.actor());
        return ResponseEntity.status(recorded.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(recorded);
    }

    @PostMapping("/api/integration/admissions/{externalNo}/fees")
    @Operation(summary = "Push fee lines of an admission (HIS only); each line number posts once")
    FeePosting fees(@Parameter(hidden = true) @AuthenticationPrincipal IntegrationClient client,
                    @PathVariable @ResourceId String externalNo,
                    @Valid @RequestBody AdmissionRequests.FeesRequest request) {
        return admissions.postFees(Admissions.admissionIdOf(his(client), externalNo), request, client.actor());
    }

    @PostMapping("/api/integration/admissions/{externalNo}/discharge")
    @Operation(summary = "Discharge the patient (出院; HIS only); a repeat changes nothing")
    ResponseEntity<Void> discharge(@Parameter(hidden = true) @AuthenticationPrincipal IntegrationClient client,
                                   @PathVariable @ResourceId String externalNo,
                                   @Valid @RequestBody(required = false) AdmissionRequests.DischargeRequest request) {
        admissions.discharge(Admissions.admissionIdOf(his(client), externalNo), request, client.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/integration/admissions/{externalNo}/settlement")
    @Operation(summary = "Settle the admission (出院结算; HIS only); once — a repeat answers the same settlement")
    AdmissionSettlement settle(@Parameter(hidden = true) @AuthenticationPrincipal IntegrationClient client,
                               @PathVariable @ResourceId String externalNo) {
        return admissions.settle(Admissions.admissionIdOf(his(client), externalNo), client.actor());
    }

    private static String his(IntegrationClient client) {
        if (client.system() != IntegrationSystem.HIS) {
            throw new BusinessRuleViolation(ErrorCode.FORBIDDEN, "Only the HIS pushes admissions.");
        }
        return client.system().name();
    }
}
