package com.yihuiliao.query.finance;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.Languages;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.billing.BillingWording;
import com.yihuiliao.api.finance.ConsumptionFilter;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.finance.FinanceDashboard;
import com.yihuiliao.api.finance.FindFinanceDashboard;
import com.yihuiliao.api.finance.FindOperatingFigures;
import com.yihuiliao.api.finance.OperatingFigure;
import com.yihuiliao.api.finance.FindRefundReport;
import com.yihuiliao.api.finance.FindTopUpReport;
import com.yihuiliao.api.finance.RefundReportRow;
import com.yihuiliao.api.finance.RefundReportSort;
import com.yihuiliao.api.finance.TopUpReportRow;
import com.yihuiliao.api.finance.TopUpReportSort;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.api.finance.ConsumptionRecord;
import com.yihuiliao.api.finance.ConsumptionSort;
import com.yihuiliao.api.finance.ConsumptionStatus;
import com.yihuiliao.api.finance.DailySummary;
import com.yihuiliao.api.finance.FindConsumptionRecords;
import com.yihuiliao.api.finance.FindDailySummaries;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.query.Reads;
import com.yihuiliao.query.billing.Params;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Finance's reports (FINANCE, AUDITOR, SUPER_ADMIN): each a filtered list with the whole filter's count and sums,
 * read by keyset in the asked order, and the same filtered set as a file (.xlsx or CSV), streamed.
 */
@RestController
@Validated
@Tag(name = "Finance reports", description = "Consumption, top-up and refund reports, daily summaries (finance, auditors)")
class FinanceReportsController {

    private static final String DATE = "Asia/Shanghai business date, inclusive (yyyy-MM-dd)";
    private static final String PATIENT = "A fragment of the patient's name or of the visible digits of the masked "
            + "ID number, or the patient id";
    private static final String CONSUMPTION_SORT = "paidAt (default), amount, refunded, net, department, doctor, "
            + "patient or channel";
    private static final String DIRECTION = "desc (default) or asc";

    private final Reads reads;
    private final FinanceExports exports;
    private final CachedFinanceReports cached;
    private final FinanceReportVersions versions;

    FinanceReportsController(Reads reads, FinanceExports exports, CachedFinanceReports cached,
                             FinanceReportVersions versions) {
        this.reads = reads;
        this.exports = exports;
        this.cached = cached;
        this.versions = versions;
    }

    // --- 门诊消费记录 --------------------------------------------------------------------------------

    @GetMapping("/api/admin/finance/consumption")
    @Operation(summary = "Outpatient consumption (门诊消费记录): every paid registration fee, exam fee and bill line, with the "
            + "count and the amount, refunded and net sums of the whole filter")
    ListPage<ConsumptionRecord> consumption(
            @Parameter(description = DATE) @RequestParam(required = false) String from,
            @Parameter(description = DATE) @RequestParam(required = false) String to,
            @RequestParam(required = false) @ResourceId String departmentId,
            @RequestParam(required = false) @ResourceId String doctorId,
            @Parameter(description = PATIENT) @RequestParam(required = false) String patient,
            @Parameter(description = "BALANCE, WECHAT or COUNTER") @RequestParam(required = false) String channel,
            @Parameter(description = "REGISTRATION, BILL or EXAM") @RequestParam(required = false) String purpose,
            @Parameter(description = "PAID, PARTLY_REFUNDED or REFUNDED") @RequestParam(required = false) String status,
            @Parameter(description = CONSUMPTION_SORT) @RequestParam(required = false) String sort,
            @Parameter(description = DIRECTION) @RequestParam(required = false) String direction,
            @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false)
            String language) {
        ConsumptionFilter filter = consumptionFilter(from, to, departmentId, doctorId, patient, channel, purpose,
                status);
        ConsumptionSort order = ReportParams.sort(ConsumptionSort.class, sort, ConsumptionSort.PAID_AT);
        boolean descending = ReportParams.descending(direction);
        boolean english = Languages.prefersEnglish(language);
        return reads.page(new FindConsumptionRecords(filter, order, descending, true, cursor, ListPage.size(size)),
                ConsumptionRecord.class).map(r -> worded(r, english));
    }

    @GetMapping("/api/admin/finance/consumption/export")
    @Operation(summary = "The filtered consumption records as a file: .xlsx (default) or CSV (UTF-8 with a BOM), "
            + "amounts in yuan, times in Asia/Shanghai, a totals row last; streamed")
    @ApiResponse(responseCode = "202", description = "Too many rows to answer at once: the job that makes the file "
            + "(follow its Location)", content = @Content(schema = @Schema(implementation = FinanceExports.ExportJob.class)))
    @ApiResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = ReportExport.XLSX_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<StreamingResponseBody> consumptionExport(
            @Parameter(description = "xlsx (default) or csv") @RequestParam(required = false) String format,
            @Parameter(description = DATE) @RequestParam(required = false) String from,
            @Parameter(description = DATE) @RequestParam(required = false) String to,
            @RequestParam(required = false) @ResourceId String departmentId,
            @RequestParam(required = false) @ResourceId String doctorId,
            @Parameter(description = PATIENT) @RequestParam(required = false) String patient,
            @Parameter(description = "BALANCE, WECHAT or COUNTER") @RequestParam(required = false) String channel,
            @Parameter(description = "REGISTRATION, BILL or EXAM") @RequestParam(required = false) String purpose,
            @Parameter(description = "PAID, PARTLY_REFUNDED or REFUNDED") @RequestParam(required = false) String status,
            @Parameter(description = CONSUMPTION_SORT) @RequestParam(required = false) String sort,
            @Parameter(description = DIRECTION) @RequestParam(required = false) String direction,
            @Parameter(hidden = true) Authentication caller) throws JsonProcessingException {
        return exports.answer(FinanceExportPlans.CONSUMPTION, caller, "format", format, "from", from, "to", to,
                "departmentId", departmentId, "doctorId", doctorId, "patient", patient, "channel", channel,
                "purpose", purpose, "status", status, "sort", sort, "direction", direction);
    }


    // --- export jobs ---------------------------------------------------------------------------------

    @GetMapping("/api/admin/finance/exports/{exportId}")
    @Operation(summary = "An export too large to answer at once (the export answered 202 and this Location): its "
            + "state, rows done of total, and when DONE a presigned download link valid for 10 minutes. Only its "
            + "requester and the super admin see it")
    FinanceExports.ExportJob exportJob(@PathVariable @ResourceId String exportId,
                                       @Parameter(hidden = true) Authentication caller) {
        return exports.find(exportId, caller);
    }

    // --- 门诊充值记录 / 住院充值记录 --------------------------------------------------------------------

    private static final String TOPUP_SORT = "creditedAt (default), amount, refunded, net, patient or channel";

    @GetMapping("/api/admin/finance/top-ups")
    @Operation(summary = "Top-ups (门诊充值 kind=OUTPATIENT, 住院充值 kind=INPATIENT) credited, by WeChat Pay or at the "
            + "counter (receipt, operator), with what withdrawals took back; the count and sums of the whole filter")
    ListPage<TopUpReportRow> topUps(
            @Parameter(description = "OUTPATIENT or INPATIENT (absent: both)") @RequestParam(required = false) String kind,
            @Parameter(description = DATE + " credited") @RequestParam(required = false) String from,
            @Parameter(description = DATE + " credited") @RequestParam(required = false) String to,
            @Parameter(description = "WECHAT or COUNTER") @RequestParam(required = false) String channel,
            @Parameter(description = PATIENT) @RequestParam(required = false) String patient,
            @Parameter(description = "PAID (nothing withdrawn), PARTLY_REFUNDED or REFUNDED")
            @RequestParam(required = false) String status,
            @Parameter(description = TOPUP_SORT) @RequestParam(required = false) String sort,
            @Parameter(description = DIRECTION) @RequestParam(required = false) String direction,
            @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reads.page(topUpQuery(kind, from, to, channel, patient, status, sort, direction, true, cursor,
                ListPage.size(size)), TopUpReportRow.class);
    }

    @GetMapping("/api/admin/finance/top-ups/export")
    @Operation(summary = "The filtered top-ups as a file: .xlsx (default) or CSV, a totals row last; streamed")
    @ApiResponse(responseCode = "202", description = "Too many rows to answer at once: the job that makes the file "
            + "(follow its Location)", content = @Content(schema = @Schema(implementation = FinanceExports.ExportJob.class)))
    @ApiResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = ReportExport.XLSX_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<StreamingResponseBody> topUpsExport(
            @Parameter(description = "xlsx (default) or csv") @RequestParam(required = false) String format,
            @Parameter(description = "OUTPATIENT or INPATIENT (absent: both)") @RequestParam(required = false) String kind,
            @Parameter(description = DATE + " credited") @RequestParam(required = false) String from,
            @Parameter(description = DATE + " credited") @RequestParam(required = false) String to,
            @Parameter(description = "WECHAT or COUNTER") @RequestParam(required = false) String channel,
            @Parameter(description = PATIENT) @RequestParam(required = false) String patient,
            @Parameter(description = "PAID (nothing withdrawn), PARTLY_REFUNDED or REFUNDED")
            @RequestParam(required = false) String status,
            @Parameter(description = TOPUP_SORT) @RequestParam(required = false) String sort,
            @Parameter(description = DIRECTION) @RequestParam(required = false) String direction,
            @Parameter(hidden = true) Authentication caller) throws JsonProcessingException {
        return exports.answer(FinanceExportPlans.TOP_UPS, caller, "format", format, "kind", kind, "from", from,
                "to", to, "channel", channel, "patient", patient, "status", status, "sort", sort,
                "direction", direction);
    }

    static FindTopUpReport topUpQuery(String kind, String from, String to, String channel, String patient,
                                              String status, String sort, String direction, boolean withTotals,
                                              String cursor, int size) {
        Params.DateRange dates = Params.dateRange(from, to);
        return new FindTopUpReport(Params.enumOf(AccountKind.class, "kind", kind), dates.from(), dates.to(),
                Params.enumOf(PaymentChannel.class, "channel", channel), ReportParams.fragment(patient),
                Params.enumOf(ConsumptionStatus.class, "status", status),
                ReportParams.sort(TopUpReportSort.class, sort, TopUpReportSort.CREDITED_AT),
                ReportParams.descending(direction), withTotals, cursor, size);
    }


    // --- 退款记录 ------------------------------------------------------------------------------------

    private static final String REFUND_SORT = "requestedAt (default), amount, patient, channel or status";

    @GetMapping("/api/admin/finance/refunds")
    @Operation(summary = "Refunds (退款记录): what, why (the operator's reason or the system's: cancellation, 停诊, "
            + "late payment, withdrawal, bill line), channel, status, WeChat refund id and the account it reached; "
            + "the count and sums of the whole filter")
    ListPage<RefundReportRow> refunds(
            @Parameter(description = DATE) @RequestParam(required = false) String from,
            @Parameter(description = DATE) @RequestParam(required = false) String to,
            @Parameter(description = PATIENT) @RequestParam(required = false) String patient,
            @Parameter(description = "BALANCE, WECHAT or COUNTER") @RequestParam(required = false) String channel,
            @Parameter(description = "REGISTRATION, TOPUP or BILL") @RequestParam(required = false) String purpose,
            @Parameter(description = "REQUESTED, SUCCEEDED or FAILED") @RequestParam(required = false) String status,
            @Parameter(description = "A RefundReason code, e.g. STAFF_REFUND, APPOINTMENT_CANCELLED, WITHDRAWAL, DISCHARGE_SETTLEMENT")
            @RequestParam(required = false) String reason,
            @Parameter(description = REFUND_SORT) @RequestParam(required = false) String sort,
            @Parameter(description = DIRECTION) @RequestParam(required = false) String direction,
            @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false)
            String language) {
        boolean english = Languages.prefersEnglish(language);
        return reads.page(refundQuery(from, to, patient, channel, purpose, status, reason, sort, direction, true,
                cursor, ListPage.size(size)), RefundReportRow.class).map(r -> worded(r, english));
    }

    @GetMapping("/api/admin/finance/refunds/export")
    @Operation(summary = "The filtered refunds as a file: .xlsx (default) or CSV, a totals row last; streamed")
    @ApiResponse(responseCode = "202", description = "Too many rows to answer at once: the job that makes the file "
            + "(follow its Location)", content = @Content(schema = @Schema(implementation = FinanceExports.ExportJob.class)))
    @ApiResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = ReportExport.XLSX_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<StreamingResponseBody> refundsExport(
            @Parameter(description = "xlsx (default) or csv") @RequestParam(required = false) String format,
            @Parameter(description = DATE) @RequestParam(required = false) String from,
            @Parameter(description = DATE) @RequestParam(required = false) String to,
            @Parameter(description = PATIENT) @RequestParam(required = false) String patient,
            @Parameter(description = "BALANCE, WECHAT or COUNTER") @RequestParam(required = false) String channel,
            @Parameter(description = "REGISTRATION, TOPUP or BILL") @RequestParam(required = false) String purpose,
            @Parameter(description = "REQUESTED, SUCCEEDED or FAILED") @RequestParam(required = false) String status,
            @Parameter(description = "A RefundReason code") @RequestParam(required = false) String reason,
            @Parameter(description = REFUND_SORT) @RequestParam(required = false) String sort,
            @Parameter(description = DIRECTION) @RequestParam(required = false) String direction,
            @Parameter(hidden = true) Authentication caller) throws JsonProcessingException {
        return exports.answer(FinanceExportPlans.REFUNDS, caller, "format", format, "from", from, "to", to,
                "patient", patient, "channel", channel, "purpose", purpose, "status", status, "reason", reason,
                "sort", sort, "direction", direction);
    }

    static FindRefundReport refundQuery(String from, String to, String patient, String channel,
                                                String purpose, String status, String reason, String sort,
                                                String direction, boolean withTotals, String cursor, int size) {
        Params.DateRange dates = Params.dateRange(from, to);
        return new FindRefundReport(dates.from(), dates.to(), ReportParams.fragment(patient),
                Params.enumOf(PaymentChannel.class, "channel", channel),
                Params.enumOf(PaymentPurpose.class, "purpose", purpose),
                Params.enumOf(RefundStatus.class, "status", status),
                Params.enumOf(RefundReason.class, "reason", reason),
                ReportParams.sort(RefundReportSort.class, sort, RefundReportSort.REQUESTED_AT),
                ReportParams.descending(direction), withTotals, cursor, size);
    }

    static RefundReportRow worded(RefundReportRow r, boolean english) {
        return r.withReason(BillingWording.refundReason(r.reasonCode(), r.reasonNote(), english));
    }


    static String purposeName(PaymentPurpose purpose) {
        return purpose == null ? null : switch (purpose) {
            case REGISTRATION -> "挂号费";
            case TOPUP -> "充值";
            case BILL -> "缴费";
            case EXAM -> "体检费";
        };
    }

    // --- dashboard and operating figures ----------------------------------------------------------------

    @GetMapping("/api/admin/finance/dashboard")
    @Operation(summary = "One day at a glance (default: today, Asia/Shanghai): appointments booked, confirmed, "
            + "cancelled and expired that day; revenue and refunds; slot fill by department")
    FinanceDashboard dashboard(@Parameter(description = DATE + "; absent: today") @RequestParam(required = false)
                               String date) {
        LocalDate day = ReportParams.date("date", date);
        // a dashboard is always answered (zeros on a quiet day): the code is never used
        return reads.one(new FindFinanceDashboard(day == null ? LocalDate.now(Clocks.HOSPITAL_ZONE) : day),
                FinanceDashboard.class, ErrorCode.VALIDATION_FAILED);
    }

    @GetMapping("/api/admin/finance/operating-figures")
    @Operation(summary = "Per department and doctor over visit dates (at most 366 days): slot utilisation, "
            + "appointments, cancellations, expiries, mean booking lead time; checked in, missed and the no-show rate "
            + "(missed ÷ (checked in + missed), percent)")
    ListPage<OperatingFigure> operatingFigures(
            @Parameter(description = "Visit date, inclusive (yyyy-MM-dd)") @RequestParam String from,
            @Parameter(description = "Visit date, inclusive (yyyy-MM-dd)") @RequestParam String to,
            @RequestParam(required = false) @ResourceId String departmentId,
            @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        Params.DateRange dates = boundedRange(from, to);
        return ListPage.slice("operating-figures", reads.all(new FindOperatingFigures(dates.from(), dates.to(),
                departmentId), OperatingFigure.class), cursor, ListPage.size(size));
    }

    // --- daily summaries ------------------------------------------------------------------------------

    @GetMapping("/api/admin/finance/daily-summaries")
    @Operation(summary = "Daily summaries of the consumption records: per business date, department, channel and "
            + "purpose, the count, gross, refunds (on the day paid) and net; with the range's sums. At most 366 days")
    ListPage<DailySummary> dailySummaries(
            @Parameter(description = DATE) @RequestParam String from,
            @Parameter(description = DATE) @RequestParam String to,
            @RequestParam(required = false) @ResourceId String departmentId,
            @Parameter(description = "BALANCE, WECHAT or COUNTER") @RequestParam(required = false) String channel,
            @Parameter(description = "REGISTRATION, BILL or EXAM") @RequestParam(required = false) String purpose,
            @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        List<DailySummary> all = summaries(cached, versions, from, to, departmentId, channel, purpose);
        ListPage<DailySummary> page = ListPage.slice("daily-summaries", all, cursor, ListPage.size(size));
        Map<String, Long> sums = new LinkedHashMap<>();
        sums.put("recordCount", all.stream().mapToLong(DailySummary::count).sum());
        sums.put("grossSumFen", all.stream().mapToLong(DailySummary::grossFen).sum());
        sums.put("refundedSumFen", all.stream().mapToLong(DailySummary::refundedFen).sum());
        sums.put("netSumFen", all.stream().mapToLong(DailySummary::netFen).sum());
        return new ListPage<>(page.items(), page.size(), page.nextCursor(), page.total(), sums);
    }

    @GetMapping("/api/admin/finance/daily-summaries/export")
    @Operation(summary = "The daily summaries of a range as a file: .xlsx (default) or CSV, a totals row last")
    @ApiResponse(responseCode = "202", description = "Too many rows to answer at once: the job that makes the file "
            + "(follow its Location)", content = @Content(schema = @Schema(implementation = FinanceExports.ExportJob.class)))
    @ApiResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = ReportExport.XLSX_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<StreamingResponseBody> dailySummariesExport(
            @Parameter(description = "xlsx (default) or csv") @RequestParam(required = false) String format,
            @Parameter(description = DATE) @RequestParam String from,
            @Parameter(description = DATE) @RequestParam String to,
            @RequestParam(required = false) @ResourceId String departmentId,
            @Parameter(description = "BALANCE, WECHAT or COUNTER") @RequestParam(required = false) String channel,
            @Parameter(description = "REGISTRATION, BILL or EXAM") @RequestParam(required = false) String purpose,
            @Parameter(hidden = true) Authentication caller) throws JsonProcessingException {
        return exports.answer(FinanceExportPlans.DAILY_SUMMARIES, caller, "format", format, "from", from, "to", to,
                "departmentId", departmentId, "channel", channel, "purpose", purpose);
    }


    /** Both dates, in order, at most 366 days apart. */
    static Params.DateRange boundedRange(String from, String to) {
        Params.DateRange dates = Params.dateRange(from, to);
        if (dates.from() == null || dates.to() == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Parameters 'from' and 'to' are required.");
        }
        if (dates.from().plusDays(366).isBefore(dates.to().plusDays(1))) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "A report covers at most 366 days.");
        }
        return dates;
    }

    /** A range's summaries, from the cache while none of its dates changed. */
    static List<DailySummary> summaries(CachedFinanceReports cached, FinanceReportVersions versions, String from,
                                        String to, String departmentId, String channel, String purpose) {
        Params.DateRange dates = boundedRange(from, to);
        FindDailySummaries query = new FindDailySummaries(dates.from(), dates.to(), departmentId,
                Params.enumOf(PaymentChannel.class, "channel", channel),
                Params.enumOf(PaymentPurpose.class, "purpose", purpose));
        return cached.dailySummaries(query, versions.of(dates.from(), dates.to()));
    }

    static ConsumptionFilter consumptionFilter(String from, String to, String departmentId, String doctorId,
                                                       String patient, String channel, String purpose, String status) {
        Params.DateRange dates = Params.dateRange(from, to);
        return new ConsumptionFilter(dates.from(), dates.to(), departmentId, doctorId, ReportParams.fragment(patient),
                Params.enumOf(PaymentChannel.class, "channel", channel),
                Params.enumOf(PaymentPurpose.class, "purpose", purpose),
                Params.enumOf(ConsumptionStatus.class, "status", status));
    }

    /** A registration or exam fee has no item name of its own: named in the reader's language. */
    static ConsumptionRecord worded(ConsumptionRecord r, boolean english) {
        if (r.itemName() != null) {
            return r;
        }
        return new ConsumptionRecord(r.recordId(), r.outTradeNo(), r.purpose(), r.referenceId(), r.line(),
                r.patientId(), r.patientName(), r.idNumberMasked(), r.departmentId(), r.departmentName(), r.doctorId(),
                r.doctorName(), r.itemCode(), r.purpose() == PaymentPurpose.EXAM ? (english ? "Physical exam fee" : "体检费")
                : english ? "Registration fee" : "挂号费", r.category(), r.channel(),
                r.amountFen(), r.refundedFen(), r.netFen(), r.status(), r.invoiceNo(), r.paidAt(), r.businessDate());
    }

    static String channelName(PaymentChannel channel) {
        return switch (channel) {
            case WECHAT -> "微信支付";
            case BALANCE -> "门诊余额";
            case COUNTER -> "窗口收费";
        };
    }
}
