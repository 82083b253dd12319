package com.yihuiliao.command.reconciliation;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.command.text.DisplayText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 对账 for staff: run a day on demand (the daily task runs yesterday by itself), read a day's result and its
 * mismatches, resolve one with a note. Days are Asia/Shanghai dates, from three months ago (WeChat Pay keeps its
 * bills that long) to today.
 */
@RestController
@Validated
@Tag(name = "Reconciliation (staff)", description = "Daily reconciliation with WeChat Pay's trade bill (对账)")
class ReconciliationController {

    private final Reconciliations reconciliations;

    ReconciliationController(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    /**
     * How a mismatch was settled; who and when are taken from the caller and the clock.
     *
     * @param note why the difference is settled, as the finance clerk wrote it
     */
    record Resolution(@NotBlank @Size(max = 500) @DisplayText(multiline = true) String note) {
    }

    @PostMapping("/api/admin/reconciliation/days/{date}/run")
    @Operation(summary = "Reconcile a day now (again): download WeChat Pay's trade bill and compare it with our "
            + "payments and refunds; a re-run adds no duplicate")
    Reconciliations.Day run(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                            @Parameter(description = "yyyy-MM-dd, Asia/Shanghai") @PathVariable String date) {
        return reconciliations.run(billDate(date), jwt.getSubject());
    }

    @GetMapping("/api/admin/reconciliation/days/{date}")
    @Operation(summary = "A day's last reconciliation: counts, sums, and whether it balanced")
    Reconciliations.Day day(@Parameter(description = "yyyy-MM-dd, Asia/Shanghai") @PathVariable String date) {
        return reconciliations.day(billDate(date))
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.RECONCILIATION_DAY_NOT_FOUND));
    }

    @GetMapping("/api/admin/reconciliation/mismatches")
    @Operation(summary = "Mismatches found, newest day first; by day, kind and whether still open")
    ListPage<Reconciliations.Mismatch> mismatches(
            @Parameter(description = "yyyy-MM-dd, Asia/Shanghai") @RequestParam(required = false) String date,
            @RequestParam(required = false) Comparison.Kind kind,
            @Parameter(description = "true: open only; false: resolved only") @RequestParam(required = false) Boolean open,
            @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reconciliations.mismatches(date == null ? null : billDate(date), kind, open, cursor, ListPage.size(size));
    }

    @GetMapping("/api/admin/reconciliation/mismatches/{mismatchId}")
    @Operation(summary = "One mismatch")
    Reconciliations.Mismatch mismatch(@PathVariable @ResourceId String mismatchId) {
        return reconciliations.mismatch(mismatchId)
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.RECONCILIATION_MISMATCH_NOT_FOUND));
    }

    @PostMapping("/api/admin/reconciliation/mismatches/{mismatchId}/resolve")
    @Operation(summary = "Resolve a mismatch with a note (who and when are recorded)")
    Reconciliations.Mismatch resolve(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String mismatchId,
                                     @Valid @RequestBody Resolution resolution) {
        return reconciliations.resolve(mismatchId, resolution.note(), jwt.getSubject());
    }

    /** A Shanghai date from three months ago up to today; anything else is 400 INVALID_BILL_DATE. */
    static LocalDate billDate(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_BILL_DATE, "date", "not a date yyyy-MM-dd: " + text);
        }
        LocalDate today = LocalDate.now(Reconciliations.SHANGHAI);
        if (date.isAfter(today) || date.isBefore(today.minusMonths(3))) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_BILL_DATE, "date", "outside the last three months: " + text);
        }
        return date;
    }
}
