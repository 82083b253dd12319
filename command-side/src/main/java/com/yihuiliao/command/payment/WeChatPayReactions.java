package com.yihuiliao.command.payment;

import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.billing.BillingWording;
import com.yihuiliao.api.exam.ExamBookingCancelled;
import com.yihuiliao.api.exam.ExamBookingExpired;
import com.yihuiliao.api.exam.ExamBookingPaid;
import com.yihuiliao.api.payment.CloseReason;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.RefundCancelledAppointment;
import com.yihuiliao.api.refund.RefundRequested;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The WeChat Pay calls (and the commands) that follow from our events, made here, outside every
 * aggregate's unit of work. Its processing group keeps the name "payment-process": stored tokens and
 * dead letters carry it.
 * <ul>
 * <li>a confirmed (paid) appointment that is cancelled — by the patient or by the hospital (停诊) —
 *     gets what remains refundable of its fee back to the channel it was paid by (the balance, or
 *     WeChat Pay through a requested refund, as below);</li>
 * <li>an appointment whose hold expired: its open WeChat order is closed at WeChat Pay, then here
 *     ({@link WeChatOrders#close}); ORDERPAID means the money arrived meanwhile: it is recorded as a late
 *     payment (and refunded);</li>
 * <li>an exam booking that expired, was cancelled or was paid (from the balance): its open WeChat orders are
 *     closed the same way (a payment that got through meanwhile is recorded, and refunded as late);</li>
 * <li>a WeChat refund requested (a late payment, a cancellation, a withdrawal, a staff refund) is applied
 *     for at WeChat Pay with its own out_refund_no; it succeeds when WeChat Pay answers SUCCESS or notifies
 *     the refund, and fails (releasing its reservation) when WeChat Pay closes or refuses it for good; one that
 *     WeChat Pay limits (FREQUENCY_LIMITED: another refund of the order within the minute) is applied for again
 *     later by a persistent task ({@link WeChatRefunds}).</li>
 * </ul>
 * Every command it sends and every WeChat Pay call it makes is idempotent, so redelivery is harmless: a
 * handler that fails (WeChat Pay unreachable) parks its event in the dead-letter queue, retried by
 * {@code DeadLetterRetry} until it goes through.
 */
@Component
@ProcessingGroup(WeChatPayReactions.GROUP)
@DisallowReplay
class WeChatPayReactions {

    private static final Logger log = LoggerFactory.getLogger(WeChatPayReactions.class);
    /** Kept from when this class was PaymentProcess: token_entry and dead_letter_entry rows carry it. */
    static final String GROUP = "payment-process";

    private final CommandGateway commands;
    private final PaymentOrders paymentOrders;
    private final WeChatOrders weChatOrders;
    private final WeChatRefunds weChatRefunds;

    WeChatPayReactions(CommandGateway commands, PaymentOrders paymentOrders, WeChatOrders weChatOrders,
                       WeChatRefunds weChatRefunds) {
        this.commands = commands;
        this.paymentOrders = paymentOrders;
        this.weChatOrders = weChatOrders;
        this.weChatRefunds = weChatRefunds;
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        if (event.wasConfirmed()) {
            commands.sendAndWait(new RefundCancelledAppointment(event.appointmentId(), event.reason()));
        }
    }

    @EventHandler
    void on(AppointmentExpired event) {
        for (String outTradeNo : weChatOrders.openOfAppointment(event.appointmentId())) {
            weChatOrders.close(outTradeNo, CloseReason.HOLD_EXPIRED);
        }
    }

    @EventHandler
    void on(ExamBookingExpired event) {
        closeExamOrders(event.bookingId(), CloseReason.HOLD_EXPIRED);
    }

    @EventHandler
    void on(ExamBookingCancelled event) {
        closeExamOrders(event.bookingId(), CloseReason.OTHER);
    }

    @EventHandler
    void on(ExamBookingPaid event) {
        // the paying order is no longer open; any other is not wanted
        closeExamOrders(event.bookingId(), event.channel() == PaymentChannel.BALANCE ? CloseReason.SWITCHED_TO_BALANCE
                : CloseReason.OTHER);
    }

    private void closeExamOrders(String bookingId, CloseReason reason) {
        for (String outTradeNo : weChatOrders.openOfExamBooking(bookingId)) {
            weChatOrders.close(outTradeNo, reason);
        }
    }

    @EventHandler
    void on(RefundRequested event) {
        if (event.channel() != PaymentChannel.WECHAT) {
            return;
        }
        PaymentOrder order = paymentOrders.find(event.outTradeNo()).orElse(null);
        if (order == null) {
            log.warn("Refund {} names no order ({}): not applied for", event.outRefundNo(), event.outTradeNo());
            return;
        }
        weChatRefunds.apply(new WeChatRefunds.Application(event.outTradeNo(), event.outRefundNo(), event.amountFen(),
                order.amountFen(),
                // WeChat Pay shows the reason to the payer, who reads Chinese
                BillingWording.refundReason(event.reason(), event.note(), false)));
    }
}
