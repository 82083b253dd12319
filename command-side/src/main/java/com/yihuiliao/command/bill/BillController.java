package com.yihuiliao.command.bill;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.PaymentId;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.bill.BillItem;
import com.yihuiliao.api.bill.ApproveBillRefundRequest;
import com.yihuiliao.api.bill.BillItemCategory;
import com.yihuiliao.api.bill.BillRefundRequestStatus;
import com.yihuiliao.api.bill.BillStatus;
import com.yihuiliao.api.bill.BillWeChatOrder;
import com.yihuiliao.api.bill.IssueBill;
import com.yihuiliao.api.bill.IssuedBill;
import com.yihuiliao.api.bill.PayBillWithBalance;
import com.yihuiliao.api.bill.RefundBillItem;
import com.yihuiliao.api.bill.RejectBillRefundRequest;
import com.yihuiliao.api.bill.RequestBillRefund;
import com.yihuiliao.api.bill.RequestedBillRefund;
import com.yihuiliao.api.bill.StartWeChatBillPayment;
import com.yihuiliao.api.bill.VoidBill;
import com.yihuiliao.api.payment.BalancePaymentResult;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.patient.Patients;
import com.yihuiliao.command.payment.WeChatCheckout;
import com.yihuiliao.command.text.DisplayText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bills (自助缴费): issued, voided and refunded by staff or the hospital system; paid by patients. */
@RestController
@Validated
@Tag(name = "Bills", description = "Self-service bills: issue, void, item refunds (finance); pay (patients)")
class BillController {

    private static final Logger log = LoggerFactory.getLogger(BillController.class);
    static final String DESCRIPTION = "医会聊-门诊缴费";

    private final CommandGateway commands;
    private final WeChatCheckout checkout;
    private final Patients patients;

    BillController(CommandGateway commands, WeChatCheckout checkout, Patients patients) {
        this.commands = commands;
        this.checkout = checkout;
        this.patients = patients;
    }

    /**
     * One line of a bill: code, name, category, quantity and unit price.
     *
     * @param line the line number; by default the item's position (1, 2, …)
     */
    record ItemRequest(@Min(1) @Max(Bill.MAX_ITEMS) Integer line, @NotBlank @Size(max = 32) @DisplayText String code,
                       @NotBlank @Size(max = 100) @DisplayText String name, @NotNull BillItemCategory category,
                       @NotNull @Min(1) @Max(10_000) Integer quantity,
                       @NotNull @Min(1) @Max(Bill.MAX_TOTAL_FEN) Long unitPriceFen) {
    }

    /**
     * A bill (自助缴费) as finance or the hospital system issues it: its own number if it has one, the patient and the lines.
     *
     * @param externalNo the hospital system's (HIS) bill number: the same number issues one bill
     */
    record IssueBillRequest(@ResourceId String externalNo, @NotBlank @ResourceId String patientId,
                            @NotNull @Size(min = 1, max = Bill.MAX_ITEMS) List<@Valid @NotNull ItemRequest> items,
                            @ResourceId String departmentId, @ResourceId String doctorId) {
    }

    /** Why an unpaid bill is voided. */
    record VoidRequest(@NotBlank @Size(max = 200) @DisplayText String reason) {
    }

    /** A voided bill. */
    record VoidResult(String billId, BillStatus status) {
    }

    /** Exactly one of amountFen and quantity. */
    record ItemRefundRequest(@Positive @Max(Bill.MAX_TOTAL_FEN) Long amountFen, @Min(1) @Max(10_000) Integer quantity,
                             @NotBlank @Size(max = 200) @DisplayText String reason, @PaymentId String outRefundNo) {
    }

    /** Which patient pays: one of the caller's patients. */
    record PayRequest(@NotBlank @ResourceId String patientId) {
    }

    /** Exactly one of amountFen and quantity; requestId (optional) makes a retried request ask once. */
    record RefundRequestRequest(@NotBlank @ResourceId String patientId,
                                @NotNull @Min(1) @Max(Bill.MAX_ITEMS) Integer line,
                                @Positive @Max(Bill.MAX_TOTAL_FEN) Long amountFen, @Min(1) @Max(10_000) Integer quantity,
                                @NotBlank @Size(max = 200) @DisplayText String reason,
                                @ResourceId String requestId) {
    }

    /** Why a refund request is rejected. */
    record RejectRequest(@NotBlank @Size(max = 200) @DisplayText String reason) {
    }

    /** A refund request as decided: approved (refunded to the channel paid by) or rejected. */
    record RefundRequestDecision(String requestId, BillRefundRequestStatus status) {
    }

    @PostMapping("/api/admin/bills")
    @ApiResponse(responseCode = "201", description = "Issued", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same externalNo again: the bill it issued", useReturnTypeSchema = true)
    @Operation(summary = "Issue a bill for a patient (1–50 lines); with externalNo, the same number issues once "
            + "and answers the same bill (200 instead of 201)")
    ResponseEntity<IssuedBill> issue(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                     @Valid @RequestBody IssueBillRequest request) {
        if (!patients.isLive(request.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND);
        }
        List<BillItem> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            ItemRequest item = request.items().get(i);
            items.add(BillItem.of(item.line() == null ? i + 1 : item.line(), item.code(), item.name(), item.category(),
                    item.quantity(), item.unitPriceFen()));
        }
        String billId = request.externalNo() == null ? BillIds.newBillId() : BillIds.billIdOf(request.externalNo());
        IssuedBill issued = commands.sendAndWait(new IssueBill(billId, request.externalNo(), request.patientId(), items,
                request.departmentId(), request.doctorId(), jwt.getSubject()));
        if (!issued.repeated()) {
            log.info("Staff {} issued bill {} ({} fen, {} lines)", jwt.getSubject(), billId, issued.totalFen(),
                    items.size());
        }
        return ResponseEntity.status(issued.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(issued);
    }

    @PostMapping("/api/admin/bills/{billId}/void")
    @Operation(summary = "Void an unpaid bill (a repeat is harmless)")
    VoidResult voidBill(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                        @PathVariable @ResourceId String billId, @Valid @RequestBody VoidRequest request) {
        if (!BillIds.isBillId(billId)) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        try {
            commands.sendAndWait(new VoidBill(billId, request.reason(), jwt.getSubject()));
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        return new VoidResult(billId, BillStatus.VOIDED);
    }

    @PostMapping("/api/admin/bills/{billId}/items/{line}/refunds")
    @Operation(summary = "Refund part of a paid bill's line (a quantity or an amount) to the channel it was paid by; "
            + "the same outRefundNo refunds once")
    RefundResult refundItem(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                            @PathVariable @ResourceId String billId,
                            @PathVariable @Min(1) @Max(Bill.MAX_ITEMS) int line,
                            @Valid @RequestBody ItemRefundRequest request) {
        if ((request.amountFen() == null) == (request.quantity() == null)) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Refund either a quantity or an amount.");
        }
        String outRefundNo = request.outRefundNo() == null ? PaymentIds.next("RB") : request.outRefundNo();
        return commands.sendAndWait(new RefundBillItem(billId, line, request.amountFen(), request.quantity(),
                request.reason(), outRefundNo, jwt.getSubject()));
    }

    @PostMapping("/api/me/bills/{billId}/refund-requests")
    @ApiResponse(responseCode = "201", description = "Asked", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same requestId again: the request it made", useReturnTypeSchema = true)
    @Operation(summary = "Ask for a refund of part of a line of one of my patient's paid bills (退费申请): a quantity "
            + "or an amount; finance approves or rejects it. 201, or 200 when the same requestId asked before")
    ResponseEntity<RequestedBillRefund> requestRefund(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                                      @PathVariable @ResourceId String billId,
                                                      @Valid @RequestBody RefundRequestRequest request) {
        if ((request.amountFen() == null) == (request.quantity() == null)) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Ask for either a quantity or an amount.");
        }
        RequestedBillRefund requested = commands.sendAndWait(new RequestBillRefund(billId,
                BillIds.requestIdOf(billId, request.requestId()), request.patientId(), jwt.getSubject(),
                request.line(), request.amountFen(), request.quantity(), request.reason()));
        if (!requested.repeated()) {
            log.info("Account {} asked for {} fen back of bill {} line {} (request {})", jwt.getSubject(),
                    requested.amountFen(), billId, requested.line(), requested.requestId());
        }
        return ResponseEntity.status(requested.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(requested);
    }

    @PostMapping("/api/admin/bills/{billId}/refund-requests/{requestId}/approve")
    @Operation(summary = "Finance: approve a patient's refund request; the line is refunded to the channel the "
            + "bill was paid by (a repeat answers the same refund)")
    RefundResult approveRefundRequest(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                      @PathVariable @ResourceId String billId,
                                      @PathVariable @ResourceId String requestId) {
        RefundResult refund = commands.sendAndWait(new ApproveBillRefundRequest(billId, requestId, jwt.getSubject()));
        log.info("Staff {} approved refund request {} of bill {}: refund {}", jwt.getSubject(), requestId, billId,
                refund.outRefundNo());
        return refund;
    }

    @PostMapping("/api/admin/bills/{billId}/refund-requests/{requestId}/reject")
    @Operation(summary = "Finance: reject a patient's refund request, with the reason the patient reads")
    RefundRequestDecision rejectRefundRequest(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                              @PathVariable @ResourceId String billId,
                                              @PathVariable @ResourceId String requestId,
                                              @Valid @RequestBody RejectRequest request) {
        if (!BillIds.isBillId(billId)) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
        try {
            return new RefundRequestDecision(requestId, commands.sendAndWait(
                    new RejectBillRefundRequest(billId, requestId, request.reason(), jwt.getSubject())));
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.BILL_NOT_FOUND);
        }
    }

    @PostMapping("/api/me/bills/{billId}/pay-with-balance")
    @Operation(summary = "Pay one of my patient's bills from the outpatient balance")
    BalancePaymentResult payWithBalance(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                        @PathVariable @ResourceId String billId,
                                        @Valid @RequestBody PayRequest request) {
        return commands.sendAndWait(new PayBillWithBalance(billId, request.patientId(), jwt.getSubject()));
    }

    @PostMapping("/api/me/bills/{billId}/pay-with-wechat")
    @Operation(summary = "Open (or reopen) the WeChat Pay order of one of my patient's bills; answers the "
            + "wx.requestPayment parameters. The bill is paid when WeChat Pay notifies the payment.")
    WeChatCheckout.PayWithWeChatResult payWithWeChat(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                                     @PathVariable @ResourceId String billId,
                                                     @Valid @RequestBody PayRequest request) {
        BillWeChatOrder order = commands.sendAndWait(new StartWeChatBillPayment(billId, request.patientId(),
                jwt.getSubject()));
        return checkout.checkout(jwt.getSubject(), order.outTradeNo(), DESCRIPTION, order.amountFen(),
                order.expiresAt());
    }
}
