package com.yihuiliao.command.patient;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.command.patient.Patient.Relationship;
import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import com.yihuiliao.command.text.PersonName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own patients (就诊人); the account is the subject of the caller's token. */
@RestController
@Tag(name = "My patients", description = "The people (就诊人) an account books for: add, edit, remove, choose the default")
class PatientController {

    private final Patients patients;

    PatientController(Patients patients) {
        this.patients = patients;
    }

    /**
     * Add and edit alike (an edit replaces every field).
     *
     * @param documentType a {@link DocumentType} name; a String, so an unknown one is refused naming this field
     * @param idNumber     checked in full by the service by its type's rule, which says what is wrong
     * @param phone        optional; empty or absent means none
     * @param newborn      only for a newborn registered under the guardian's document ({@code idNumber})
     */
    record PatientRequest(
            @Schema(example = "张三") @NotBlank @Size(min = 1, max = 32) @PersonName String realName,
            @Schema(description = "The identity document; absent means RESIDENT_ID", example = "RESIDENT_ID",
                    allowableValues = {"RESIDENT_ID", "PASSPORT", "HK_MACAO_TAIWAN_RESIDENCE_PERMIT", "HK_MACAO_PASS",
                            "TAIWAN_PASS", "FOREIGN_PERMANENT_RESIDENCE"})
            @Size(max = 40) String documentType,
            @Schema(description = "The document's number: an 18-character resident ID number (a lowercase x is "
                    + "accepted), a passport's 5-17 letters and digits, H/M + 8 (or 10) digits, 8 (or 10) digits, … "
                    + "For a newborn: the guardian's document")
            @NotBlank @Size(max = 32) String idNumber,
            @Schema(description = "Passports only: the nationality, ISO 3166-1 alpha-3", example = "GBR")
            @Size(max = 32) String nationality, // not max 3: the service refuses it as INVALID_DOCUMENT, saying why
            @Schema(description = "Mainland mobile number, optional") @Pattern(regexp = "^(1[3-9]\\d{9})?$") String phone,
            @NotNull Relationship relationship,
            @Schema(description = "Only for a newborn (at most a year old) without a document of its own")
            @Valid NewbornRequest newborn) {

        Patients.Details details() {
            return new Patients.Details(realName, documentType, idNumber, nationality,
                    newborn == null ? null : new Newborn(newborn.birthDate(), newborn.sex(), newborn.guardianName()),
                    phone, relationship);
        }
    }

    /** A newborn's own birth date and sex, and the guardian whose document it is registered under. */
    record NewbornRequest(
            @Schema(description = "Not in the future, at most a year ago", example = "2026-11-28") @NotNull LocalDate birthDate,
            @NotNull Sex sex,
            @Schema(example = "张三") @NotBlank @Size(min = 1, max = 32) @PersonName String guardianName) {
    }

    @GetMapping("/api/me/patients")
    @Operation(summary = "My patients, oldest first; ID numbers and phones masked")
    ListPage<PatientView> list(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                               @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                               @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return ListPage.slice("patients", patients.list(accountId(jwt)).stream().map(PatientView::of).toList(), cursor,
                ListPage.size(size));
    }

    @PostMapping("/api/me/patients")
    @ApiResponse(responseCode = "201", description = "Added", useReturnTypeSchema = true)
    @Operation(summary = "Add a patient (at most 5 by default); the first one becomes the default")
    ResponseEntity<PatientView> add(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                    @Valid @RequestBody PatientRequest request) {
        Patient patient = patients.add(accountId(jwt), request.details());
        return ResponseEntity.created(URI.create("/api/me/patients/" + patient.getId())).body(PatientView.of(patient));
    }

    @PutMapping("/api/me/patients/{patientId}")
    @Operation(summary = "Edit a patient; every field is replaced")
    PatientView update(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                       @PathVariable @ResourceId String patientId,
                       @Valid @RequestBody PatientRequest request) {
        return PatientView.of(patients.update(accountId(jwt), patientId, request.details()));
    }

    @DeleteMapping("/api/me/patients/{patientId}")
    @Operation(summary = "Remove a patient; refused while they have appointments today or later")
    ResponseEntity<Void> remove(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                @PathVariable @ResourceId String patientId) {
        patients.remove(accountId(jwt), patientId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/me/patients/{patientId}/default")
    @Operation(summary = "Make a patient the default one (the previous default no longer is)")
    PatientView makeDefault(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                            @PathVariable @ResourceId String patientId) {
        return PatientView.of(patients.makeDefault(accountId(jwt), patientId));
    }

    /** Null until the security configuration authenticates these paths: then the caller is not logged in. */
    private static String accountId(Jwt jwt) {
        if (jwt == null || jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new BusinessRuleViolation(ErrorCode.UNAUTHENTICATED);
        }
        return jwt.getSubject();
    }
}
