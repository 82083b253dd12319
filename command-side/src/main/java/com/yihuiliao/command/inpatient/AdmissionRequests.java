package com.yihuiliao.command.inpatient;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.inpatient.FeeCategory;
import com.yihuiliao.command.text.DisplayText;
import com.yihuiliao.command.text.PersonName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the HIS pushes and staff enter about admissions. */
final class AdmissionRequests {

    private AdmissionRequests() {
    }

    /**
     * An admission (入院登记).
     *
     * @param externalNo      the hospital's admission number (住院号): the same number records once
     * @param attendingDoctor the attending doctor's name (主治医生), optional
     */
    record AdmissionRequest(@NotBlank @ResourceId String externalNo, @NotBlank @ResourceId String patientId,
                            @NotBlank @Size(max = 50) @DisplayText String ward,
                            @NotBlank @Size(max = 20) @DisplayText String bed,
                            @NotNull Instant admittedAt,
                            @Size(max = 50) @PersonName String attendingDoctor) {
    }

    /** Fee lines (费用明细) of one admission, 1 to 200 a push. */
    record FeesRequest(@NotEmpty @Size(max = Admission.MAX_LINES) List<@Valid @NotNull LineRequest> lines) {
    }

    /**
     * One fee line.
     *
     * @param lineNo   the source's fee line number: the same number posts once
     * @param feeDate  the Shanghai date the fee was incurred on
     * @param itemCode the hospital's item code, optional
     */
    record LineRequest(@NotBlank @ResourceId String lineNo, @NotNull LocalDate feeDate, @NotNull FeeCategory category,
                       @Size(max = 32) @DisplayText String itemCode,
                       @NotBlank @Size(max = 100) @DisplayText String itemName,
                       @Min(1) @Max(100_000) int quantity, @Min(0) @Max(100_000_000) long unitPriceFen) {
    }

    /** A discharge (出院); without a time, now. */
    record DischargeRequest(Instant dischargedAt) {
    }
}
