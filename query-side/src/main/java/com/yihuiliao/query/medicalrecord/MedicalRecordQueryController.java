package com.yihuiliao.query.medicalrecord;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.medicalrecord.FindMedicalRecord;
import com.yihuiliao.api.medicalrecord.FindMedicalRecordVersion;
import com.yihuiliao.api.medicalrecord.FindPatientMedicalRecords;
import com.yihuiliao.api.medicalrecord.MedicalRecordDetail;
import com.yihuiliao.api.medicalrecord.MedicalRecordSummary;
import com.yihuiliao.api.medicalrecord.MedicalRecordVersion;
import com.yihuiliao.query.DateRanges;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
@Tag(name = "Medical records", description = "My patients' visit records (病历查询), each with its earlier versions "
        + "(patients), and a patient's records with who wrote each version (doctors)")
class MedicalRecordQueryController {

    private final Reads reads;

    MedicalRecordQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/me/medical-records")
    @Operation(summary = "One of my patients' medical records, visited from one Shanghai date to another (inclusive), "
            + "newest visit first")
    ListPage<MedicalRecordSummary> mine(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                        @RequestParam @ResourceId String patientId,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                        @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        DateRanges.requireOrdered(from, to);
        return reads.pageOfMyPatient(jwt, patientId, MedicalRecordSummary.class,
                () -> new FindPatientMedicalRecords(patientId, from, to, cursor, ListPage.size(size)));
    }

    @GetMapping("/api/me/medical-records/{recordId}")
    @Operation(summary = "One of my patients' medical records in full (its latest version), with its versions listed")
    MedicalRecordDetail one(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                            @PathVariable @ResourceId String recordId) {
        return reads.oneOfMyPatients(jwt, new FindMedicalRecord(recordId), MedicalRecordDetail.class,
                MedicalRecordDetail::patientId, ErrorCode.MEDICAL_RECORD_NOT_FOUND).forPatient();
    }

    @GetMapping("/api/me/medical-records/{recordId}/versions/{version}")
    @Operation(summary = "One version of one of my patients' medical records in full, as it was written then")
    MedicalRecordVersion version(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                 @PathVariable @ResourceId String recordId,
                                 @PathVariable @Min(1) @Max(100_000) int version) {
        return reads.oneOfMyPatients(jwt, new FindMedicalRecordVersion(recordId, version), MedicalRecordVersion.class,
                MedicalRecordVersion::patientId, ErrorCode.MEDICAL_RECORD_NOT_FOUND);
    }

    @GetMapping("/api/admin/medical-records")
    @Operation(summary = "Doctors: a patient's medical records, visited from one Shanghai date to another (inclusive), "
            + "newest visit first")
    ListPage<MedicalRecordSummary> ofPatient(@RequestParam @ResourceId String patientId,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                             @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                             @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        DateRanges.requireOrdered(from, to);
        return reads.page(new FindPatientMedicalRecords(patientId, from, to, cursor, ListPage.size(size)),
                MedicalRecordSummary.class);
    }

    @GetMapping("/api/admin/medical-records/{recordId}")
    @Operation(summary = "Doctors: a medical record in full, with where it came from and who wrote each version")
    MedicalRecordDetail detail(@PathVariable @ResourceId String recordId) {
        return reads.one(new FindMedicalRecord(recordId), MedicalRecordDetail.class, ErrorCode.MEDICAL_RECORD_NOT_FOUND);
    }
}
