package com.yihuiliao.query.inpatient;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.inpatient.AdmissionDetail;
import com.yihuiliao.api.inpatient.AdmissionFees;
import com.yihuiliao.api.inpatient.AdmissionStatus;
import com.yihuiliao.api.inpatient.AdmissionSummary;
import com.yihuiliao.api.inpatient.FeeCategory;
import com.yihuiliao.api.inpatient.FindAdmission;
import com.yihuiliao.api.inpatient.FindAdmissionFees;
import com.yihuiliao.api.inpatient.FindAdmissions;
import com.yihuiliao.api.inpatient.FindInpatients;
import com.yihuiliao.api.inpatient.FindPatientAdmissions;
import com.yihuiliao.api.inpatient.Inpatient;
import com.yihuiliao.query.DateRanges;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
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
@Tag(name = "Inpatient care", description = "Admissions (住院), their fees (费用明细) and settlement (出院结算): my "
        + "patients' (patients), every admission (staff)")
class AdmissionQueryController {

    private final Reads reads;

    AdmissionQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/me/inpatients")
    @Operation(summary = "住院人管理: my patients that have admissions, each with its name, masked ID number and latest admission")
    ListPage<Inpatient> inpatients(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                   @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                   @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return ListPage.slice("inpatients", reads.all(new FindInpatients(jwt.getSubject()), Inpatient.class), cursor,
                ListPage.size(size));
    }

    @GetMapping("/api/me/admissions")
    @Operation(summary = "One of my patients' admissions, newest first")
    ListPage<AdmissionSummary> mine(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                    @RequestParam @ResourceId String patientId,
                                    @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                    @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reads.pageOfMyPatient(jwt, patientId, AdmissionSummary.class,
                () -> new FindPatientAdmissions(patientId, cursor, ListPage.size(size)));
    }

    @GetMapping("/api/me/admissions/{admissionId}")
    @Operation(summary = "One of my patients' admissions: the deposit, what remains and, once settled, the settlement")
    AdmissionDetail one(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                        @PathVariable @ResourceId String admissionId) {
        return reads.oneOfMyPatients(jwt, new FindAdmission(admissionId), AdmissionDetail.class,
                AdmissionDetail::patientId, ErrorCode.ADMISSION_NOT_FOUND).forPatient();
    }

    @GetMapping("/api/me/admissions/{admissionId}/fees")
    @Operation(summary = "One of my patients' admission fees (费用明细), of one Shanghai date and category or all: by "
            + "day with the totals by category, the deposit and what remains")
    AdmissionFees myFees(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                         @PathVariable @ResourceId String admissionId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                         @RequestParam(required = false) FeeCategory category) {
        return reads.oneOfMyPatients(jwt, new FindAdmissionFees(admissionId, date, category), AdmissionFees.class,
                AdmissionFees::patientId, ErrorCode.ADMISSION_NOT_FOUND).forPatient();
    }

    @GetMapping("/api/admin/admissions")
    @Operation(summary = "Staff: admissions of one patient or all, by status, ward and admission date (Shanghai, "
            + "inclusive), newest first")
    ListPage<AdmissionSummary> list(@RequestParam(required = false) @ResourceId String patientId,
                                    @RequestParam(required = false) AdmissionStatus status,
                                    @RequestParam(required = false) @Size(max = 50) String ward,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                    @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        DateRanges.requireOrdered(from, to);
        return reads.page(new FindAdmissions(patientId, status, ward, from, to, cursor, ListPage.size(size)),
                AdmissionSummary.class);
    }

    @GetMapping("/api/admin/admissions/{admissionId}")
    @Operation(summary = "Staff: an admission in full, with who pushed or entered, discharged and settled it")
    AdmissionDetail detail(@PathVariable @ResourceId String admissionId) {
        return reads.one(new FindAdmission(admissionId), AdmissionDetail.class, ErrorCode.ADMISSION_NOT_FOUND);
    }

    @GetMapping("/api/admin/admissions/{admissionId}/fees")
    @Operation(summary = "Staff: an admission's fees by day and category, each line with who posted it")
    AdmissionFees fees(@PathVariable @ResourceId String admissionId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                       @RequestParam(required = false) FeeCategory category) {
        return reads.one(new FindAdmissionFees(admissionId, date, category), AdmissionFees.class,
                ErrorCode.ADMISSION_NOT_FOUND);
    }
}
