package com.yihuiliao.command.topup;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.topup.StartWeChatTopUp;
import com.yihuiliao.api.topup.TopUpOrder;
import com.yihuiliao.api.topup.WithdrawBalance;
import com.yihuiliao.api.topup.WithdrawalResult;
import com.yihuiliao.command.payment.WeChatCheckout;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Top-ups", description = "Top up a balance or deposit with WeChat Pay, and withdraw it to WeChat Pay (patients)")
class TopUpController {

    private final CommandGateway commands;
    private final WeChatCheckout checkout;

    TopUpController(CommandGateway commands, WeChatCheckout checkout) {
        this.commands = commands;
        this.checkout = checkout;
    }

    /**
     * A top-up of a patient's outpatient balance (门诊充值) or inpatient deposit (住院押金) with WeChat Pay.
     *
     * @param amountFen 1 to 5,000,000 fen
     * @param requestId optional client-chosen key: retrying with the same key answers the same open order
     */
    record TopUpRequest(@NotBlank @ResourceId String patientId, @NotNull AccountKind kind,
                        @NotNull Long amountFen, @ResourceId String requestId) {
    }

    /** The top-up, and what the mini-program passes to wx.requestPayment (with the order number). */
    record TopUpCheckout(String topUpId, AccountKind kind,
                         @JsonUnwrapped WeChatCheckout.PayWithWeChatResult payment) {
    }

    /**
     * A withdrawal of unused balance, sent back to the WeChat Pay top-ups that funded it.
     *
     * @param requestId optional client-chosen key: retrying with the same key withdraws once
     */
    record WithdrawalRequest(@NotBlank @ResourceId String patientId, @NotNull Long amountFen,
                             @ResourceId String requestId) {
    }

    static String description(AccountKind kind) {
        return kind == AccountKind.INPATIENT ? "医会聊-住院押金" : "医会聊-门诊充值";
    }

    @PostMapping("/api/me/top-ups")
    @Operation(summary = "Top up one of my patients' outpatient balance (门诊充值) or inpatient deposit (住院押金) with "
            + "WeChat Pay: answers the wx.requestPayment parameters; the account is credited when WeChat Pay "
            + "notifies the payment. The order can be paid for 30 minutes.")
    TopUpCheckout topUp(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                        @Valid @RequestBody TopUpRequest request) {
        String topUpId = request.requestId() == null ? TopUpIds.newTopUp()
                : TopUpIds.topUpForRequest(jwt.getSubject(), request.patientId(), request.kind(), request.requestId());
        TopUpOrder order = commands.sendAndWait(new StartWeChatTopUp(topUpId, request.patientId(), request.kind(),
                request.amountFen(), jwt.getSubject()));
        return new TopUpCheckout(order.topUpId(), order.kind(), checkout.checkout(jwt.getSubject(), order.outTradeNo(),
                description(order.kind()), order.amountFen(), order.expiresAt()));
    }

    @PostMapping("/api/me/accounts/{kind}/withdrawals")
    @Operation(summary = "Withdraw (余额退款) part or all of one of my patients' balance or deposit back to WeChat Pay: "
            + "refunded through the WeChat top-ups of the last 365 days, newest first. Money paid at the counter "
            + "is withdrawn at the counter. The inpatient deposit is not withdrawn while one of the patient's admissions "
            + "is open (409 DEPOSIT_LOCKED_BY_ADMISSION): its settlement refunds what remains.")
    WithdrawalResult withdraw(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                              @PathVariable AccountKind kind, @Valid @RequestBody WithdrawalRequest request) {
        String withdrawalId = request.requestId() == null ? TopUpIds.newWithdrawal()
                : TopUpIds.withdrawalForRequest(jwt.getSubject(), request.patientId(), kind, request.requestId());
        return commands.sendAndWait(new WithdrawBalance(withdrawalId, request.patientId(), kind, request.amountFen(),
                jwt.getSubject()));
    }
}
