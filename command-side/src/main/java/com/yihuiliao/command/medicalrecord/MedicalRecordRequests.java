package com.yihuiliao.command.medicalrecord;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.command.text.DisplayText;
import com.yihuiliao.command.text.PersonName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The request bodies of medical records: what the doctor writes, and the visit the HIS says it was. */
final class MedicalRecordRequests {

    /** An ICD-10 code: a letter, two digits, and optionally a period and up to 6 more (national extensions). */
    static final String ICD10 = "^[A-Z][0-9]{2}(\\.[0-9A-Za-z]{1,6})?$";

    private MedicalRecordRequests() {
    }

    /** What the doctor writes of a visit. */
    record Clinical(@NotBlank @Size(max = 500) @DisplayText String chiefComplaint,
                    @Size(max = 2000) @DisplayText(multiline = true) String presentIllness,
                    @NotEmpty @Size(max = 20) List<@Valid @NotNull DiagnosisRequest> diagnoses,
                    @Size(max = 2000) @DisplayText(multiline = true) String advice,
                    @Size(max = 50) List<@Valid @NotNull PrescriptionRequest> prescriptions) {
    }

    /** A diagnosis: ICD-10 code and name. */
    record DiagnosisRequest(@NotBlank @Pattern(regexp = ICD10) String icd10Code,
                            @NotBlank @Size(max = 100) @DisplayText String name) {
    }

    /** A prescribed drug. */
    record PrescriptionRequest(@NotBlank @Size(max = 100) @DisplayText String drug,
                               @Size(max = 100) @DisplayText String specification,
                               @NotBlank @Size(max = 200) @DisplayText String usage,
                               @Size(max = 50) @DisplayText String quantity) {
    }

    /** The visit as the HIS knows it; our department and doctor ids where it has them. */
    record Visit(@NotNull LocalDate visitDate, @ResourceId String departmentId,
                 @NotBlank @Size(max = 64) @DisplayText String departmentName, @ResourceId String doctorId,
                 @NotBlank @Size(max = 64) @PersonName String doctorName) {
    }

    /** A doctor's record of one of their appointments. */
    record DoctorWrite(@NotBlank @ResourceId String appointmentId, @NotNull @Valid Clinical record) {
    }

    /** A doctor's amendment: the record in full again, and why. */
    record DoctorAmend(@NotNull @Valid Clinical record, @NotBlank @Size(max = 200) @DisplayText String reason) {
    }

    /** The HIS's record of a visit, by its visit number (the same number records once). */
    record HisWrite(@NotBlank @ResourceId String visitNo, @NotBlank @ResourceId String patientId,
                    @NotNull @Valid Visit visit, @NotNull @Valid Clinical record) {
    }

    /** The HIS's amendment of a visit's record: visit and record in full again, and why. */
    record HisAmend(@NotNull @Valid Visit visit, @NotNull @Valid Clinical record,
                    @NotBlank @Size(max = 200) @DisplayText String reason) {
    }
}
