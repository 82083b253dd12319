package com.yihuiliao.command.payment;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.PaymentId;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.payment.RecordWeChatPayment;
import com.yihuiliao.api.payment.StartWeChatAppointmentPayment;
import com.yihuiliao.api.payment.WeChatOrder;
import com.yihuiliao.command.patient.Patients;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import com.yihuiliao.command.payment.wechatpay.WeChatPayNotificationRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat Pay for registration fees: the mini-program's prepay, and WeChat Pay's payment and refund
 * notifications. The order is created by a command first; WeChat Pay is called outside any unit of work.
 */
@RestController
@Validated
@Tag(name = "Payments", description = "Pay from the balance (patients); refunds (finance)")
class WeChatPayController {

    private static final Logger log = LoggerFactory.getLogger(WeChatPayController.class);
    static final String REGISTRATION_DESCRIPTION = "医会聊-挂号费";

    private final CommandGateway commands;
    private final WeChatPay weChatPay;
    private final WeChatCheckout checkout;
    private final WeChatOrders weChatOrders;
    private final PaymentOrders paymentOrders;
    private final Patients patients;

    WeChatPayController(CommandGateway commands, WeChatPay weChatPay, WeChatCheckout checkout,
                        WeChatOrders weChatOrders, PaymentOrders paymentOrders, Patients patients) {
        this.commands = commands;
        this.weChatPay = weChatPay;
        this.checkout = checkout;
        this.weChatOrders = weChatOrders;
        this.paymentOrders = paymentOrders;
        this.patients = patients;
    }

    /** Which patient pays with WeChat Pay: one of the caller's patients. */
    record PayWithWeChatRequest(@NotBlank @ResourceId String patientId) {
    }

    @PostMapping("/api/appointments/{appointmentId}/pay-with-wechat")
    @Operation(summary = "Open (or reopen) the WeChat Pay order for a held appointment's fee; answers the "
            + "wx.requestPayment parameters. The appointment is confirmed when WeChat Pay notifies the payment.")
    WeChatCheckout.PayWithWeChatResult payWithWeChat(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                      @PathVariable @ResourceId String appointmentId,
                                      @Valid @RequestBody PayWithWeChatRequest request) {
        WeChatOrder order = commands.sendAndWait(
                new StartWeChatAppointmentPayment(appointmentId, request.patientId(), jwt.getSubject()));
        return checkout.checkout(jwt.getSubject(), order.outTradeNo(), REGISTRATION_DESCRIPTION, order.amountFen(),
                order.expiresAt());
    }

    /** An order's status as we now know it: CREATED (still open), PAID or CLOSED. */
    record OrderStatus(String outTradeNo, PaymentStatus status) {
    }

    @PostMapping("/api/me/payments/{outTradeNo}/refresh")
    @Operation(summary = "After wx.requestPayment: ask WeChat Pay about one's own open order now, instead of "
            + "waiting for its notification; a payment WeChat Pay has taken is recorded at once")
    OrderStatus refresh(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                        @PathVariable @PaymentId String outTradeNo) {
        PaymentOrder order = paymentOrders.find(outTradeNo).orElse(null);
        if (order == null || !patients.isOrWasOf(order.patientId(), jwt.getSubject())) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_FOUND);
        }
        if (order.channel() == PaymentChannel.WECHAT) {
            try {
                weChatOrders.refresh(outTradeNo);
            } catch (WeChatPayException e) {
                log.warn("Refresh of {} failed: {}", outTradeNo, e.getMessage());
                throw new BusinessRuleViolation(ErrorCode.WECHATPAY_UNAVAILABLE);
            }
        }
        return new OrderStatus(outTradeNo, paymentOrders.find(outTradeNo).map(PaymentOrder::status).orElse(null));
    }

    @PostMapping("/api/payments/wechatpay/notify")
    @Operation(summary = "WeChat Pay's payment notification (signed and encrypted; verified before anything changes)")
    ResponseEntity<Void> paymentNotification(@RequestHeader HttpHeaders headers, @RequestBody byte[] body) {
        WeChatPay.Trade trade;
        try {
            trade = weChatPay.parsePaymentNotification(headers.toSingleValueMap(), body);
        } catch (WeChatPayNotificationRejected e) {
            log.warn("Rejected a payment notification: {}", e.getMessage());
            throw new BusinessRuleViolation(ErrorCode.WECHATPAY_NOTIFICATION_REJECTED);
        }
        if (trade.state() != WeChatPay.TradeState.SUCCESS) {
            log.info("Notification for {}: trade state {}", trade.outTradeNo(), trade.state());
            return ResponseEntity.noContent().build();
        }
        try {
            commands.sendAndWait(new RecordWeChatPayment(trade.outTradeNo(), trade.transactionId(), trade.amountFen()));
        } catch (BusinessRuleViolation | CommandExecutionException e) {
            log.warn("Payment notification for {} ({}, {} fen) refused: {}", trade.outTradeNo(),
                    trade.transactionId(), trade.amountFen(), e.getMessage());
            throw e;
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/payments/wechatpay/refund-notify")
    @Operation(summary = "WeChat Pay's refund notification (signed and encrypted; verified before anything changes)")
    ResponseEntity<Void> refundNotification(@RequestHeader HttpHeaders headers, @RequestBody byte[] body) {
        WeChatPay.Refund refund;
        try {
            refund = weChatPay.parseRefundNotification(headers.toSingleValueMap(), body);
        } catch (WeChatPayNotificationRejected e) {
            log.warn("Rejected a refund notification: {}", e.getMessage());
            throw new BusinessRuleViolation(ErrorCode.WECHATPAY_NOTIFICATION_REJECTED);
        }
        weChatOrders.settleRefund(refund.outTradeNo(), refund.outRefundNo(), refund.status(), refund.refundId(),
                refund.receivedBy());
        return ResponseEntity.noContent().build();
    }
}
