package com.yihuiliao.command.inpatient;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.inpatient.AdmissionSettlement;
import com.yihuiliao.api.inpatient.FeePosting;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Inpatient care (staff)", description = "Admissions (住院), their fees, discharge and settlement "
        + "(出院结算), entered by the admissions office")
class AdmissionAdminController {

    /** Where staff-entered admissions say they came from. */
    static final String STAFF_SOURCE = "STAFF";

    private final Admissions admissions;

    AdmissionAdminController(Admissions admissions) {
        this.admissions = admissions;
    }

    @PostMapping("/api/admin/admissions")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same externalNo again: the admission it recorded",
            useReturnTypeSchema = true)
    @Operation(summary = "Admit a patient by hand (入院登记); the same admission number records once (200 on a repeat)")
    ResponseEntity<Admissions.RecordedAdmission> admit(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                                       @Valid @RequestBody AdmissionRequests.AdmissionRequest request) {
        Admissions.RecordedAdmission recorded = admissions.record(STAFF_SOURCE, request, jwt.getSubject());
        return ResponseEntity.status(recorded.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(recorded);
    }

    @PostMapping("/api/admin/admissions/{admissionId}/fees")
    @Operation(summary = "Post fee lines (费用明细) to an admission; each line number posts once")
    FeePosting fees(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                    @PathVariable @ResourceId String admissionId,
                    @Valid @RequestBody AdmissionRequests.FeesRequest request) {
        return admissions.postFees(admissionId, request, jwt.getSubject());
    }

    @PostMapping("/api/admin/admissions/{admissionId}/discharge")
    @Operation(summary = "Discharge the patient (出院): the admission awaits its settlement; a repeat changes nothing")
    ResponseEntity<Void> discharge(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                   @PathVariable @ResourceId String admissionId,
                                   @Valid @RequestBody(required = false) AdmissionRequests.DischargeRequest request) {
        admissions.discharge(admissionId, request, jwt.getSubject());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/admissions/{admissionId}/settlement")
    @Operation(summary = "Settle the admission (出院结算): fees charged against the deposit, the rest refunded to the "
            + "top-ups that paid it, a shortfall billed; once — a repeat answers the same settlement")
    AdmissionSettlement settle(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                               @PathVariable @ResourceId String admissionId) {
        return admissions.settle(admissionId, jwt.getSubject());
    }
}
