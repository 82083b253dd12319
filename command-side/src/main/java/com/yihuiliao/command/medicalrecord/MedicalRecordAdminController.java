package com.yihuiliao.command.medicalrecord;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.command.identity.TokenService;
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
@Tag(name = "Medical records (doctors)", description = "Visit records (病历) written and amended by the doctor of the visit")
class MedicalRecordAdminController {

    private final MedicalRecords records;

    MedicalRecordAdminController(MedicalRecords records) {
        this.records = records;
    }

    @PostMapping("/api/admin/medical-records")
    @ApiResponse(responseCode = "201", description = "Written", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same record of this appointment again: nothing changed",
            useReturnTypeSchema = true)
    @Operation(summary = "Write the medical record of one of my appointments (the visit's date, department and doctor "
            + "are the appointment's); one record per appointment, amended afterwards")
    ResponseEntity<MedicalRecords.WrittenRecord> write(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                                       @Valid @RequestBody MedicalRecordRequests.DoctorWrite request) {
        MedicalRecords.WrittenRecord written = records.writeByDoctor(request,
                jwt.getClaimAsString(TokenService.DOCTOR_ID), jwt.getSubject());
        return ResponseEntity.status(written.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(written);
    }

    @PutMapping("/api/admin/medical-records/{recordId}")
    @Operation(summary = "Amend the medical record of one of my visits: the record in full again and why; the earlier "
            + "versions stay")
    MedicalRecords.AmendedRecord amend(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                       @PathVariable @ResourceId String recordId,
                                       @Valid @RequestBody MedicalRecordRequests.DoctorAmend request) {
        return records.amendByDoctor(recordId, request, jwt.getClaimAsString(TokenService.DOCTOR_ID), jwt.getSubject());
    }
}
