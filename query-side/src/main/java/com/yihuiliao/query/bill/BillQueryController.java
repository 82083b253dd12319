package com.yihuiliao.query.bill;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.bill.BillDetail;
import com.yihuiliao.api.bill.BillRefundRequestStatus;
import com.yihuiliao.api.bill.BillRefundRequestView;
import com.yihuiliao.api.bill.BillStatus;
import com.yihuiliao.api.bill.BillSummary;
import com.yihuiliao.api.bill.FindBill;
import com.yihuiliao.api.bill.FindBillRefundRequests;
import com.yihuiliao.api.bill.FindBills;
import com.yihuiliao.api.bill.FindPatientBills;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Bills", description = "My patients' bills (patients), and the bill list (finance, auditors)")
class BillQueryController {

    private final Reads reads;

    BillQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/me/bills")
    @Operation(summary = "Bills of one of my patients, newest first; optionally of one status")
    ListPage<BillSummary> mine(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                               @RequestParam @ResourceId String patientId,
                               @RequestParam(required = false) BillStatus status,
                               @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                               @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reads.pageOfMyPatient(jwt, patientId, BillSummary.class,
                () -> new FindPatientBills(patientId, status, cursor, ListPage.size(size)));
    }

    @GetMapping("/api/me/bills/{billId}")
    @Operation(summary = "One of my bills, with its lines: what each paid and what of it was refunded")
    BillDetail detail(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                      @PathVariable @ResourceId String billId) {
        return reads.oneOfMyPatients(jwt, new FindBill(billId), BillDetail.class, detail -> detail.bill().patientId(),
                ErrorCode.BILL_NOT_FOUND);
    }

    @GetMapping("/api/admin/bills")
    @Operation(summary = "Staff: bills by patient, status and issue date (Asia/Shanghai, inclusive), newest first")
    ListPage<BillSummary> list(@RequestParam(required = false) @ResourceId String patientId,
                  @RequestParam(required = false) BillStatus status,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                  @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "'to' is before 'from'.");
        }
        return reads.page(new FindBills(patientId, status, from, to, cursor, ListPage.size(size)), BillSummary.class);
    }

    @GetMapping("/api/admin/bills/refund-requests")
    @Operation(summary = "Staff: patients' refund requests (退费申请), oldest first; by default the pending ones")
    ListPage<BillRefundRequestView> refundRequests(
            @RequestParam(defaultValue = "PENDING") BillRefundRequestStatus status,
            @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reads.page(new FindBillRefundRequests(status, cursor, ListPage.size(size)), BillRefundRequestView.class);
    }

    @GetMapping("/api/admin/bills/{billId}")
    @Operation(summary = "Staff: one bill with its lines")
    BillDetail adminDetail(@PathVariable @ResourceId String billId) {
        return reads.one(new FindBill(billId), BillDetail.class, ErrorCode.BILL_NOT_FOUND);
    }
}
