package com.yihuiliao.command.payment;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.PaymentId;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.payment.BalancePaymentResult;
import com.yihuiliao.api.payment.CheckAppointmentBalancePayment;
import com.yihuiliao.api.payment.CloseReason;
import com.yihuiliao.api.payment.PayAppointmentWithBalance;
import com.yihuiliao.api.payment.RefundPayment;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import com.yihuiliao.command.text.DisplayText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
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
@Tag(name = "Payments", description = "Pay from the balance (patients); refunds (finance)")
class PaymentController {


    private final CommandGateway commands;
    private final WeChatOrders weChatOrders;
    private final PaymentOrders paymentOrders;

    PaymentController(CommandGateway commands, WeChatOrders weChatOrders, PaymentOrders paymentOrders) {
        this.commands = commands;
        this.weChatOrders = weChatOrders;
        this.paymentOrders = paymentOrders;
    }

    /** Which patient pays from the outpatient balance: one of the caller's patients. */
    record PayWithBalanceRequest(@NotBlank @ResourceId String patientId) {
    }

    /**
     * A staff refund of part or all of a payment to its channel; outRefundNo (optional) makes a retry refund once.
     *
     * @param outRefundNo optional: the refund's number (6–32 of [A-Za-z0-9_-]); retrying with the same number
     *                    refunds once. Without it a new refund is made each time.
     */
    record RefundRequest(@NotNull @Positive Long amountFen, @NotBlank @Size(max = 200) @DisplayText String reason,
                         @PaymentId String outRefundNo) {
    }

    @PostMapping("/api/appointments/{appointmentId}/pay-with-balance")
    @Operation(summary = "Pay a held appointment's fee from the patient's outpatient balance; confirms it")
    BalancePaymentResult payWithBalance(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                        @PathVariable @ResourceId String appointmentId,
                                        @Valid @RequestBody PayWithBalanceRequest request) {
        List<String> open = weChatOrders.openOfAppointment(appointmentId).stream().filter(outTradeNo ->
                paymentOrders.find(outTradeNo).filter(order -> order.patientId().equals(request.patientId())).isPresent())
                .toList();
        if (!open.isEmpty()) {
            // a WeChat order was opened first: it is closed at WeChat Pay before the balance pays, so the fee is
            // never paid twice (if WeChat Pay took it meanwhile, the appointment is confirmed by that payment).
            // A close cannot be undone, so every refusal (too little money, …) is made before it.
            commands.sendAndWait(new CheckAppointmentBalancePayment(appointmentId, request.patientId(),
                    jwt.getSubject()));
        }
        for (String weChatOrder : open) {
            try {
                weChatOrders.close(weChatOrder, CloseReason.SWITCHED_TO_BALANCE);
            } catch (WeChatPayException e) {
                throw new BusinessRuleViolation(ErrorCode.WECHATPAY_UNAVAILABLE,
                        "The open WeChat Pay order could not be closed; please try again.");
            }
        }
        return commands.sendAndWait(new PayAppointmentWithBalance(appointmentId, request.patientId(), jwt.getSubject()));
    }

    @PostMapping("/api/admin/payments/{outTradeNo}/refunds")
    @Operation(summary = "Refund part or all of a payment to its channel (balance, or WeChat Pay)")
    RefundResult refund(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                        @PathVariable @PaymentId String outTradeNo,
                        @Valid @RequestBody RefundRequest request) {
        String outRefundNo = request.outRefundNo() == null ? PaymentIds.next("RF") : request.outRefundNo();
        return commands.sendAndWait(new RefundPayment(outTradeNo, outRefundNo, request.amountFen(),
                request.reason(), jwt.getSubject()));
    }
}
