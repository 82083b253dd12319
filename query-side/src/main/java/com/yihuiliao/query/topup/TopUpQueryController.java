package com.yihuiliao.query.topup;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.topup.FindPatientTopUps;
import com.yihuiliao.api.topup.FindTopUps;
import com.yihuiliao.api.topup.TopUpRecord;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Top-ups", description = "Top-up records: my patients' (patients), everyone's (finance, auditors)")
class TopUpQueryController {

    private final Reads reads;

    TopUpQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/me/top-ups")
    @Operation(summary = "Top-ups (门诊充值 / 住院押金) of one of my patients, newest first: WeChat and counter top-ups")
    ListPage<TopUpRecord> mine(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                               @RequestParam @ResourceId String patientId,
                               @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                               @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reads.pageOfMyPatient(jwt, patientId, TopUpRecord.class,
                () -> new FindPatientTopUps(patientId, cursor, ListPage.size(size))).map(TopUpRecord::withoutOperator);
    }

    @GetMapping("/api/admin/top-ups")
    @Operation(summary = "Staff: top-up records (WeChat, and counter top-ups with receipt and operator) by patient, "
            + "account kind and creation date (Shanghai, inclusive), newest first")
    ListPage<TopUpRecord> list(@RequestParam(required = false) @ResourceId String patientId,
                   @RequestParam(required = false) AccountKind kind,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                   @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "'to' is before 'from'.");
        }
        return reads.page(new FindTopUps(patientId, kind, from, to, cursor, ListPage.size(size)), TopUpRecord.class);
    }
}
