package com.yihuiliao.command.report;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.report.AbnormalFlag;
import com.yihuiliao.api.report.ReportType;
import com.yihuiliao.command.text.DisplayText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A report as the LIS or PACS pushes it, or staff enter it.
 *
 * @param externalNo the source's report number (报告单号): the same number records once
 * @param pdfBase64  the report's PDF, base64 encoded (at most 10 MB decoded); optional
 * @param release    release it to the patient at once (审核发布); otherwise it waits for a release
 */
record ReportRequest(@NotBlank @ResourceId String externalNo, @NotBlank @ResourceId String patientId,
                     @NotNull ReportType type, @NotBlank @Size(max = Reports.TITLE_MAX) @DisplayText String title,
                     @NotNull Instant reportedAt,
                     @Size(max = Reports.ITEMS_MAX) List<@Valid @NotNull ItemRequest> items,
                     @Size(max = Reports.TEXT_MAX) @DisplayText(multiline = true) String findings,
                     @Size(max = Reports.TEXT_MAX) @DisplayText(multiline = true) String conclusion,
                     @Size(max = Reports.PDF_BASE64_MAX) String pdfBase64, boolean release) {

    /** One structured result; {@code flag} HIGH (↑) or LOW (↓), absent within the reference range. */
    record ItemRequest(@NotBlank @Size(max = 100) @DisplayText String name,
                       @NotBlank @Size(max = 50) @DisplayText String value,
                       @Size(max = 30) @DisplayText String unit,
                       @Size(max = 50) @DisplayText String referenceRange, AbnormalFlag flag) {
    }

    /** A corrected report in full, and why; without a PDF the one it had stays. */
    record Amendment(@NotBlank @Size(max = Reports.TITLE_MAX) @DisplayText String title, @NotNull Instant reportedAt,
                     @Size(max = Reports.ITEMS_MAX) List<@Valid @NotNull ItemRequest> items,
                     @Size(max = Reports.TEXT_MAX) @DisplayText(multiline = true) String findings,
                     @Size(max = Reports.TEXT_MAX) @DisplayText(multiline = true) String conclusion,
                     @Size(max = Reports.PDF_BASE64_MAX) String pdfBase64,
                     @NotBlank @Size(max = 200) @DisplayText String reason) {
    }
}
