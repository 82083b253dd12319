package com.yihuiliao.query.billing;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.Languages;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.PaymentId;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.billing.AccountMovement;
import com.yihuiliao.api.billing.BillingWording;
import com.yihuiliao.api.billing.FindAccountMovements;
import com.yihuiliao.api.billing.FindPaymentRecord;
import com.yihuiliao.api.billing.FindPaymentRecords;
import com.yihuiliao.api.billing.FindRefundRecords;
import com.yihuiliao.api.billing.PaymentRecord;
import com.yihuiliao.api.billing.PaymentRecordDetail;
import com.yihuiliao.api.billing.PaymentRecordStatus;
import com.yihuiliao.api.billing.RefundRecord;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Billing records: payments (消费 / 充值记录), refunds (退款记录) and account movements. Staff (finance,
 * auditors) filter all of them by business date (Asia/Shanghai, inclusive) and more; patients read
 * their own patients' records. Lists are newest first, pages of the one list convention ({@link ListPage})
 * with the count and sums of the whole filter.
 */
@RestController
@Validated
@Tag(name = "Billing records", description = "Payments, refunds and account movements (finance, auditors; patients their own)")
class BillingRecordsController {

    private static final String DATE = "Asia/Shanghai business date, inclusive (yyyy-MM-dd)";

    private final Reads reads;

    BillingRecordsController(Reads reads) {
        this.reads = reads;
    }

    // --- staff ------------------------------------------------------------------------------------

    @GetMapping("/api/admin/payments")
    @Operation(summary = "Payments by paid date, patient, purpose, channel and status, with the count and sums of the whole filter")
    ListPage<PaymentRecord> payments(@Parameter(description = DATE) @RequestParam(required = false) String from,
                               @Parameter(description = DATE) @RequestParam(required = false) String to,
                               @RequestParam(required = false) @ResourceId String patientId,
                               @Parameter(description = "REGISTRATION, TOPUP or BILL") @RequestParam(required = false) String purpose,
                               @Parameter(description = "BALANCE, WECHAT or COUNTER") @RequestParam(required = false) String channel,
                               @Parameter(description = "CREATED, PAID, CLOSED, PARTLY_REFUNDED or REFUNDED")
                               @RequestParam(required = false) String status,
                               @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                               @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor,
                               @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE,
                                       required = false) String language) {
        Params.DateRange dates = Params.dateRange(from, to);
        return paymentsWorded(language, reads.page(new FindPaymentRecords(dates.from(), dates.to(), patientId,
                Params.enumOf(PaymentPurpose.class, "purpose", purpose),
                Params.enumOf(PaymentChannel.class, "channel", channel),
                Params.enumOf(PaymentRecordStatus.class, "status", status), cursor, ListPage.size(size)),
                PaymentRecord.class));
    }

    @GetMapping("/api/admin/payments/{outTradeNo}")
    @Operation(summary = "One payment with its refunds")
    PaymentRecordDetail payment(@PathVariable @PaymentId String outTradeNo,
                                @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE,
                                        required = false) String language) {
        return worded(language, reads.one(new FindPaymentRecord(outTradeNo), PaymentRecordDetail.class,
                ErrorCode.PAYMENT_NOT_FOUND));
    }

    @GetMapping("/api/admin/refunds")
    @Operation(summary = "Refunds by business date (finished, or requested while under way), patient, status and channel, with the count and sum of the whole filter")
    ListPage<RefundRecord> refunds(@Parameter(description = DATE) @RequestParam(required = false) String from,
                             @Parameter(description = DATE) @RequestParam(required = false) String to,
                             @RequestParam(required = false) @ResourceId String patientId,
                             @Parameter(description = "REQUESTED, SUCCEEDED or FAILED") @RequestParam(required = false) String status,
                             @Parameter(description = "BALANCE, WECHAT or COUNTER") @RequestParam(required = false) String channel,
                             @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                             @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor,
                             @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE,
                                     required = false) String language) {
        Params.DateRange dates = Params.dateRange(from, to);
        return refundsWorded(language, reads.page(new FindRefundRecords(dates.from(), dates.to(), patientId,
                Params.enumOf(RefundStatus.class, "status", status),
                Params.enumOf(PaymentChannel.class, "channel", channel), cursor, ListPage.size(size)),
                RefundRecord.class));
    }

    @GetMapping("/api/admin/accounts/{patientId}/movements")
    @Operation(summary = "A patient's account movements (credits and debits with the balance after each), with credit and debit sums")
    ListPage<AccountMovement> movements(@PathVariable @ResourceId String patientId,
                                  @Parameter(description = "OUTPATIENT or INPATIENT") @RequestParam(required = false) String kind,
                                  @Parameter(description = DATE) @RequestParam(required = false) String from,
                                  @Parameter(description = DATE) @RequestParam(required = false) String to,
                                  @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                  @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        Params.DateRange dates = Params.dateRange(from, to);
        return reads.page(new FindAccountMovements(patientId, Params.enumOf(AccountKind.class, "kind", kind),
                dates.from(), dates.to(), cursor, ListPage.size(size)), AccountMovement.class);
    }

    // --- patients ---------------------------------------------------------------------------------

    @GetMapping("/api/me/payments")
    @Operation(summary = "My patient's payments (消费记录), newest first, with their status and what was refunded")
    ListPage<PaymentRecord> myPayments(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                 @RequestParam @ResourceId String patientId,
                                 @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                 @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor,
                                 @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE,
                                         required = false) String language) {
        return paymentsWorded(language, reads.pageOfMyPatient(jwt, patientId, PaymentRecord.class,
                () -> new FindPaymentRecords(null, null, patientId, null, null, null, cursor, ListPage.size(size))));
    }

    @GetMapping("/api/me/refunds")
    @Operation(summary = "My patient's refunds (退款记录), newest first")
    ListPage<RefundRecord> myRefunds(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                               @RequestParam @ResourceId String patientId,
                               @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                               @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor,
                               @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE,
                                       required = false) String language) {
        // which staff member made a refund is finance's business, not the patient's
        return refundsWorded(language, reads.pageOfMyPatient(jwt, patientId, RefundRecord.class,
                () -> new FindRefundRecords(null, null, patientId, null, null, cursor, ListPage.size(size)))
                .map(RefundRecord::withoutOperator));
    }

    @GetMapping("/api/me/accounts/{kind}/movements")
    @Operation(summary = "My patient's outpatient balance or inpatient deposit movements, newest first")
    ListPage<AccountMovement> myMovements(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                    @Parameter(description = "OUTPATIENT or INPATIENT") @PathVariable String kind,
                                    @RequestParam @ResourceId String patientId,
                                    @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                    @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        AccountKind accountKind = Params.enumOf(AccountKind.class, "kind", kind);
        return reads.pageOfMyPatient(jwt, patientId, AccountMovement.class,
                () -> new FindAccountMovements(patientId, accountKind, null, null, cursor, ListPage.size(size)));
    }

    // --- wording: the records keep codes; each reason reads in the caller's language (BillingWording) ---------

    private static ListPage<PaymentRecord> paymentsWorded(String language, ListPage<PaymentRecord> page) {
        boolean english = Languages.prefersEnglish(language);
        return page.map(payment -> BillingWording.worded(payment, english));
    }

    private static ListPage<RefundRecord> refundsWorded(String language, ListPage<RefundRecord> page) {
        boolean english = Languages.prefersEnglish(language);
        return page.map(refund -> BillingWording.worded(refund, english));
    }

    private static PaymentRecordDetail worded(String language, PaymentRecordDetail detail) {
        boolean english = Languages.prefersEnglish(language);
        return new PaymentRecordDetail(BillingWording.worded(detail.payment(), english),
                detail.refunds().stream().map(r -> BillingWording.worded(r, english)).toList());
    }
}
