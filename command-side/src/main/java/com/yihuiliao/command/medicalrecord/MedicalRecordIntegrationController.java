package com.yihuiliao.command.medicalrecord;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ResourceId;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Integration: medical records", description = "The HIS pushes visit records (signed requests, HMAC-SHA256)")
class MedicalRecordIntegrationController {

    private final MedicalRecords records;

    MedicalRecordIntegrationController(MedicalRecords records) {
        this.records = records;
    }

    @PostMapping("/api/integration/medical-records")
    @ApiResponse(responseCode = "201", description = "Written", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same visitNo and record again: nothing changed",
            useReturnTypeSchema = true)
    @Operation(summary = "HIS: push the medical record of a visit; the same visitNo records once, with other content "
            + "it is refused (409: amend it)")
    ResponseEntity<MedicalRecords.WrittenRecord> push(@Parameter(hidden = true) @AuthenticationPrincipal IntegrationClient client,
                                                      @Valid @RequestBody MedicalRecordRequests.HisWrite request) {
        his(client);
        MedicalRecords.WrittenRecord written = records.writeByHis(request, client.actor());
        return ResponseEntity.status(written.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(written);
    }

    @PutMapping("/api/integration/medical-records/{visitNo}")
    @Operation(summary = "HIS: amend the record of a visit it pushed: visit and record in full again, and why")
    MedicalRecords.AmendedRecord amend(@Parameter(hidden = true) @AuthenticationPrincipal IntegrationClient client,
                                       @PathVariable @ResourceId String visitNo,
                                       @Valid @RequestBody MedicalRecordRequests.HisAmend request) {
        his(client);
        return records.amendByHis(visitNo, request, client.actor());
    }

    private static void his(IntegrationClient client) {
        if (client.system() != IntegrationSystem.HIS) {
            throw new BusinessRuleViolation(ErrorCode.FORBIDDEN, "Only the HIS pushes medical records.");
        }
    }
}
