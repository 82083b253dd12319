package com.yihuiliao.command.money;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.payment.FailWeChatRefund;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.RefundCancelledAppointment;
import com.yihuiliao.api.payment.RefundPayment;
import com.yihuiliao.api.payment.SettleWeChatRefund;
import com.yihuiliao.api.refund.RecordRefundFailed;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.command.appointment.Appointment;
import com.yihuiliao.command.appointment.NamePaymentToRefund;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.payment.Payment;
import com.yihuiliao.command.payment.PaymentOrder;
import com.yihuiliao.command.payment.PaymentOrders;
import com.yihuiliao.command.payment.RefundReservation;
import com.yihuiliao.command.payment.ReleaseRefundReservation;
import com.yihuiliao.command.payment.ReserveWhatRemains;
import com.yihuiliao.command.payment.SettleRefundReservation;
import com.yihuiliao.command.refund.RecordRefundSucceeded;
import com.yihuiliao.command.refund.Refund;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refunds of registration payments (a staff refund, a cancelled appointment's), and the end of a WeChat
 * refund (settled or failed, as WeChat Pay answered). The rule itself is {@link MoneySteps#refundToOriginalChannel}.
 */
@Component
class RefundFlows {

    private static final Logger log = LoggerFactory.getLogger(RefundFlows.class);

    private final MoneySteps steps;
    private final PaymentOrders orders;

    RefundFlows(MoneySteps steps, PaymentOrders orders) {
        this.steps = steps;
        this.orders = orders;
    }

    /** Staff refund part of a payment, to the channel it was paid by (the balance, or WeChat Pay). */
    @CommandHandler
    public RefundResult handle(RefundPayment cmd) throws Exception {
        PaymentIds.requireValid(cmd.outRefundNo());
        if (cmd.amountFen() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        Aggregate<Payment> payment = steps.payment(cmd.outTradeNo());
        if (payment == null) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_FOUND);
        }
        if (orders.find(cmd.outTradeNo()).map(PaymentOrder::purpose).orElse(null) != PaymentPurpose.REGISTRATION) {
            // a bill keeps per-line limits and a top-up backs a balance: their refunds go through them
            throw new BusinessRuleViolation(ErrorCode.REFUND_THROUGH_ITS_OWNER);
        }
        RefundResult earlier = steps.existingRefund(cmd.outRefundNo(), cmd.outTradeNo(), cmd.amountFen());
        if (earlier != null) {
            return earlier;
        }
        return steps.refundToOriginalChannel(payment, cmd.outTradeNo(), cmd.outRefundNo(), cmd.amountFen(),
                RefundReason.STAFF_REFUND, cmd.reason(), cmd.operator());
    }

    /**
     * A confirmed appointment was cancelled: what remains refundable of its payment goes back the way it
     * came (the balance, or WeChat Pay). The refund number follows from the order, so a repeat refunds
     * nothing more. Answers null when there is nothing to refund.
     */
    @CommandHandler
    public RefundResult handle(RefundCancelledAppointment cmd) throws Exception {
        Aggregate<Appointment> appointment = steps.appointment(cmd.appointmentId());
        String outTradeNo = appointment == null ? null
                : (String) appointment.handle(asCommandMessage(new NamePaymentToRefund(cmd.appointmentId())));
        if (outTradeNo == null) {
            return null;
        }
        Aggregate<Payment> payment = steps.payment(outTradeNo);
        if (payment == null || !orders.find(outTradeNo).map(order -> cmd.appointmentId().equals(order.referenceId()))
                .orElse(false)) {
            log.warn("Appointment {} was confirmed by {}, which is no payment of it: nothing refunded",
                    cmd.appointmentId(), outTradeNo);
            return null;
        }
        String outRefundNo = cancellationRefundNo(outTradeNo);
        RefundResult earlier = steps.describeRefund(outRefundNo);
        if (earlier != null) {
            return earlier;
        }
        RefundReservation reserved = (RefundReservation) payment.handle(asCommandMessage(
                new ReserveWhatRemains(outTradeNo, outRefundNo)));
        if (reserved.amountFen() == 0) {
            return null;
        }
        return steps.refundReserved(payment, reserved, outTradeNo, outRefundNo, RefundReason.APPOINTMENT_CANCELLED,
                cmd.note(), "system");
    }

    /** "RC" + the order number (its last 30 characters, so it stays within 32). */
    static String cancellationRefundNo(String outTradeNo) {
        return PaymentIds.refundNoOf("RC", outTradeNo);
    }

    @CommandHandler
    public void handle(SettleWeChatRefund cmd) throws Exception {
        Aggregate<Payment> payment = paymentOf(cmd.outTradeNo());
        Aggregate<Refund> refund = refundOf(cmd.outTradeNo(), cmd.outRefundNo());
        refund.handle(asCommandMessage(new RecordRefundSucceeded(cmd.outRefundNo(), null, cmd.weChatRefundId(),
                cmd.receivedBy())));
        payment.handle(asCommandMessage(new SettleRefundReservation(cmd.outTradeNo(), cmd.outRefundNo())));
    }

    @CommandHandler
    public void handle(FailWeChatRefund cmd) throws Exception {
        Aggregate<Payment> payment = paymentOf(cmd.outTradeNo());
        Aggregate<Refund> refund = refundOf(cmd.outTradeNo(), cmd.outRefundNo());
        refund.handle(asCommandMessage(new RecordRefundFailed(cmd.outRefundNo(), cmd.reason(), cmd.detail())));
        payment.handle(asCommandMessage(new ReleaseRefundReservation(cmd.outTradeNo(), cmd.outRefundNo())));
    }

    private Aggregate<Payment> paymentOf(String outTradeNo) {
        Aggregate<Payment> payment = steps.payment(outTradeNo);
        if (payment == null) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_FOUND);
        }
        return payment;
    }

    private Aggregate<Refund> refundOf(String outTradeNo, String outRefundNo) throws Exception {
        RefundResult refund = PaymentIds.isValid(outRefundNo) ? steps.describeRefund(outRefundNo) : null;
        if (refund == null) {
            throw new BusinessRuleViolation(ErrorCode.REFUND_NOT_FOUND);
        }
        if (!outTradeNo.equals(refund.outTradeNo())) {
            throw new BusinessRuleViolation(ErrorCode.REFUND_NOT_FOUND,
                    "The refund " + outRefundNo + " is not one of " + outTradeNo + ".");
        }
        return steps.refund(outRefundNo);
    }
}
