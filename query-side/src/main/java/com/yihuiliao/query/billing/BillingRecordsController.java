package com.yihuiliao.query.billing;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.Languages;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.billing.AccountMovementPage;
import com.yihuiliao.api.billing.BillingWording;
import com.yihuiliao.api.billing.FindAccountMovements;
import com.yihuiliao.api.billing.FindPaymentRecord;
import com.yihuiliao.api.billing.FindPaymentRecords;
import com.yihuiliao.api.billing.FindRefundRecords;
import com.yihuiliao.api.billing.PaymentRecordDetail;
import com.yihuiliao.api.billing.PaymentRecordPage;
import com.yihuiliao.api.billing.PaymentRecordStatus;
import com.yihuiliao.api.billing.RefundRecord;
import com.yihuiliao.api.billing.RefundRecordPage;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.query.NotFound;
import com.yihuiliao.query.PatientOwnership;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Billing records: payments (消费 / 充值记录), refunds (退款记录) and account movements. Staff (finance,
 * auditors) filter all of them by business date (Asia/Shanghai, inclusive) and more; patients read
 * their own patients' records. Lists are newest first; a page holds at most 200.
 */
@RestController
@Validated
@Tag(name = "Billing records", description = "Payments, refunds and account movements (finance, auditors; patients their own)")
class BillingRecordsController {

    private static final String ID = "^[A-Za-z0-9_-]{1,64}$";
    private static final String PAYMENT_ID = "^[A-Za-z0-9_-]{6,40}$";
    private static final String DATE = "Asia/Shanghai business date, inclusive (yyyy-MM-dd)";
    private static final int MAX_SIZE = 200;

    private final QueryGateway queries;
    private final PatientOwnership ownership;

    BillingRecordsController(QueryGateway queries, PatientOwnership ownership) {
        this.queries = queries;
        this.ownership = ownership;
    }

    // --- staff ------------------------------------------------------------------------------------

    @GetMapping("/api/admin/payments")
    @Operation(summary = "Payments by paid date, patient, purpose, channel and status, with the count and sums of the whole filter")
    PaymentRecordPage payments(@Parameter(description = DATE) @RequestParam(required = false) String from,
                               @Parameter(description = DATE) @RequestParam(required = false) String to,
                               @RequestParam(required = false) @Pattern(regexp = ID) String patientId,
                               @Parameter(description = "REGISTRATION, TOPUP or BILL") @RequestParam(required = false) String purpose,
                               @Parameter(description = "BALANCE, WECHAT or COUNTER") @RequestParam(required = false) String channel,
                               @Parameter(description = "CREATED, PAID, CLOSED, PARTLY_REFUNDED or REFUNDED")
                               @RequestParam(required = false) String status,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_SIZE) int size) {
        Params.DateRange dates = Params.dateRange(from, to);
        return worded(queries.query(new FindPaymentRecords(dates.from(), dates.to(), patientId,
                Params.enumOf(PaymentPurpose.class, "purpose", purpose),
                Params.enumOf(PaymentChannel.class, "channel", channel),
                Params.enumOf(PaymentRecordStatus.class, "status", status), page, size),
                ResponseTypes.instanceOf(PaymentRecordPage.class)).join());
    }

    @GetMapping("/api/admin/payments/{outTradeNo}")
    @Operation(summary = "One payment with its refunds")
    PaymentRecordDetail payment(@PathVariable @Pattern(regexp = PAYMENT_ID) String outTradeNo) {
        return worded(NotFound.orThrow(queries.query(new FindPaymentRecord(outTradeNo),
                ResponseTypes.instanceOf(PaymentRecordDetail.class)).join(), ErrorCode.PAYMENT_NOT_FOUND));
    }

    @GetMapping("/api/admin/refunds")
    @Operation(summary = "Refunds by business date (finished, or requested while under way), patient, status and channel, with the count and sum of the whole filter")
    RefundRecordPage refunds(@Parameter(description = DATE) @RequestParam(required = false) String from,
                             @Parameter(description = DATE) @RequestParam(required = false) String to,
                             @RequestParam(required = false) @Pattern(regexp = ID) String patientId,
                             @Parameter(description = "REQUESTED, SUCCEEDED or FAILED") @RequestParam(required = false) String status,
                             @Parameter(description = "BALANCE, WECHAT or COUNTER") @RequestParam(required = false) String channel,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_SIZE) int size) {
        Params.DateRange dates = Params.dateRange(from, to);
        return worded(queries.query(new FindRefundRecords(dates.from(), dates.to(), patientId,
                Params.enumOf(RefundStatus.class, "status", status),
                Params.enumOf(PaymentChannel.class, "channel", channel), page, size),
                ResponseTypes.instanceOf(RefundRecordPage.class)).join());
    }

    @GetMapping("/api/admin/accounts/{patientId}/movements")
    @Operation(summary = "A patient's account movements (credits and debits with the balance after each), with credit and debit sums")
    AccountMovementPage movements(@PathVariable @Pattern(regexp = ID) String patientId,
                                  @Parameter(description = "OUTPATIENT or INPATIENT") @RequestParam(required = false) String kind,
                                  @Parameter(description = DATE) @RequestParam(required = false) String from,
                                  @Parameter(description = DATE) @RequestParam(required = false) String to,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_SIZE) int size) {
        Params.DateRange dates = Params.dateRange(from, to);
        return movements(new FindAccountMovements(patientId, Params.enumOf(AccountKind.class, "kind", kind),
                dates.from(), dates.to(), page, size));
    }

    // --- patients ---------------------------------------------------------------------------------

    @GetMapping("/api/me/payments")
    @Operation(summary = "My patient's payments (消费记录), newest first, with their status and what was refunded")
    PaymentRecordPage myPayments(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                 @RequestParam @Pattern(regexp = ID) String patientId,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
        ownership.requireMine(jwt, patientId);
        return worded(queries.query(new FindPaymentRecords(null, null, patientId, null, null, null, page, size),
                ResponseTypes.instanceOf(PaymentRecordPage.class)).join());
    }

    @GetMapping("/api/me/refunds")
    @Operation(summary = "My patient's refunds (退款记录), newest first")
    RefundRecordPage myRefunds(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                               @RequestParam @Pattern(regexp = ID) String patientId,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
        ownership.requireMine(jwt, patientId);
        RefundRecordPage found = queries.query(new FindRefundRecords(null, null, patientId, null, null, page, size),
                ResponseTypes.instanceOf(RefundRecordPage.class)).join();
        // which staff member made a refund is finance's business, not the patient's
        return worded(new RefundRecordPage(found.items().stream().map(RefundRecord::withoutOperator).toList(),
                found.total(), found.amountSumFen(), found.page(), found.size()));
    }

    @GetMapping("/api/me/accounts/{kind}/movements")
    @Operation(summary = "My patient's outpatient balance or inpatient deposit movements, newest first")
    AccountMovementPage myMovements(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                    @Parameter(description = "OUTPATIENT or INPATIENT") @PathVariable String kind,
                                    @RequestParam @Pattern(regexp = ID) String patientId,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
        AccountKind accountKind = Params.enumOf(AccountKind.class, "kind", kind);
        ownership.requireMine(jwt, patientId);
        return movements(new FindAccountMovements(patientId, accountKind, null, null, page, size));
    }

    // --- wording: the records keep codes; each reason reads in the caller's language (BillingWording) ---------

    private static boolean english() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && Languages.prefersEnglish(request.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static PaymentRecordPage worded(PaymentRecordPage page) {
        boolean english = english();
        return new PaymentRecordPage(page.items().stream().map(p -> BillingWording.worded(p, english)).toList(),
                page.total(), page.amountSumFen(), page.refundedSumFen(), page.page(), page.size());
    }

    private static PaymentRecordDetail worded(PaymentRecordDetail detail) {
        boolean english = english();
        return new PaymentRecordDetail(BillingWording.worded(detail.payment(), english),
                detail.refunds().stream().map(r -> BillingWording.worded(r, english)).toList());
    }

    private static RefundRecordPage worded(RefundRecordPage page) {
        boolean english = english();
        return new RefundRecordPage(page.items().stream().map(r -> BillingWording.worded(r, english)).toList(),
                page.total(), page.amountSumFen(), page.page(), page.size());
    }

    private AccountMovementPage movements(FindAccountMovements query) {
        return queries.query(query, ResponseTypes.instanceOf(AccountMovementPage.class)).join();
    }
}
