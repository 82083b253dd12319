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
import com.yihuiliao.query.ListPages;
import com.yihuiliao.query.NotFound;
import com.yihuiliao.query.PatientOwnership;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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

    private final QueryGateway queries;
    private final PatientOwnership ownership;

    BillQueryController(QueryGateway queries, PatientOwnership ownership) {
        this.queries = queries;
        this.ownership = ownership;
    }

    @GetMapping("/api/me/bills")
    @Operation(summary = "Bills of one of my patients, newest first; optionally of one status")
    ListPage<BillSummary> mine(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                               @RequestParam @ResourceId String patientId,
                               @RequestParam(required = false) BillStatus status,
                               @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                               @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        ownership.requireMine(jwt, patientId);
        return queries.query(new FindPatientBills(patientId, status, cursor, ListPage.size(size)),
                ListPages.of(BillSummary.class)).join();
    }

    @GetMapping("/api/me/bills/{billId}")
    @Operation(summary = "One of my bills, with its lines: what each paid and what of it was refunded")
    BillDetail detail(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                      @PathVariable @ResourceId String billId) {
        BillDetail detail = find(billId);
        // another account's bill answers exactly like an unknown one, so ids do not leak
        if (detail != null && !ownership.isMine(jwt, detail.bill().patientId())) {
            detail = null;
        }
        return NotFound.orThrow(detail, ErrorCode.BILL_NOT_FOUND);
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
        return queries.query(new FindBills(patientId, status, from, to, cursor, ListPage.size(size)),
                ListPages.of(BillSummary.class)).join();
    }

    @GetMapping("/api/admin/bills/refund-requests")
    @Operation(summary = "Staff: patients' refund requests (退费申请), oldest first; by default the pending ones")
    ListPage<BillRefundRequestView> refundRequests(
            @RequestParam(defaultValue = "PENDING") BillRefundRequestStatus status,
            @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return queries.query(new FindBillRefundRequests(status, cursor, ListPage.size(size)),
                ListPages.of(BillRefundRequestView.class)).join();
    }

    @GetMapping("/api/admin/bills/{billId}")
    @Operation(summary = "Staff: one bill with its lines")
    BillDetail adminDetail(@PathVariable @ResourceId String billId) {
        return NotFound.orThrow(find(billId), ErrorCode.BILL_NOT_FOUND);
    }

    private BillDetail find(String billId) {
        return queries.query(new FindBill(billId), ResponseTypes.instanceOf(BillDetail.class)).join();
    }
}
