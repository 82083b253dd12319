package com.yihuiliao.command.payment;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.Status;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.payment.ClosePayment;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RecordWeChatPayment;
import com.yihuiliao.api.payment.RefundCancelledAppointment;
import com.yihuiliao.api.payment.SettleWeChatRefund;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Money that follows from what happened to appointments, and the WeChat Pay calls that follow from
 * our events (made here, outside every aggregate's unit of work):
 * <ul>
 * <li>a confirmed (paid) appointment that is cancelled — by the patient or by the hospital (停诊) —
 *     gets what remains refundable of its fee back to the channel it was paid by (the balance, or
 *     WeChat Pay through a requested refund, as below);</li>
 * <li>an appointment whose hold expired: its open WeChat order is closed at WeChat Pay, then here
 *     ({@code ClosePayment}); ORDERPAID means the money arrived meanwhile: it is recorded as a late
 *     payment (and refunded);</li>
 * <li>a WeChat refund requested (a late payment, a cancellation, a staff refund) is applied for at WeChat Pay with its own
 *     out_refund_no; it succeeds when WeChat Pay answers SUCCESS or notifies the refund.</li>
 * </ul>
 * Every command it sends and every WeChat Pay call it makes is idempotent, so redelivery is harmless.
 */
@Component
@ProcessingGroup(PaymentProcess.GROUP)
@DisallowReplay
class PaymentProcess {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcess.class);
    static final String GROUP = "payment-process";
    static final String CANCELLATION_REASON = "appointment cancelled";
    static final String EXPIRY_REASON = "hold expired";

    private final CommandGateway commands;
    private final WeChatPay weChatPay;
    private final WeChatFlows weChatFlows;
    private final EventStore eventStore;

    PaymentProcess(CommandGateway commands, WeChatPay weChatPay, WeChatFlows weChatFlows, EventStore eventStore) {
        this.commands = commands;
        this.weChatPay = weChatPay;
        this.weChatFlows = weChatFlows;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        if (event.wasConfirmed()) {
            commands.sendAndWait(new RefundCancelledAppointment(event.appointmentId(), cancellationReason(event)));
        }
    }

    /** "appointment cancelled: &lt;why&gt;" (just "appointment cancelled" when no reason was given). */
    static String cancellationReason(AppointmentCancelled event) {
        return event.reason() == null || event.reason().isBlank() ? CANCELLATION_REASON
                : CANCELLATION_REASON + ": " + event.reason();
    }

    @EventHandler
    void on(AppointmentExpired event) {
        String outTradeNo = WeChatFlows.orderNoFor(event.appointmentId());
        PaymentCreated created = weChatFlows.created(outTradeNo);
        if (created == null || created.channel() != PaymentChannel.WECHAT || !isOpen(outTradeNo)) {
            return;
        }
        try {
            weChatPay.closeOrder(outTradeNo);
        } catch (WeChatPayException e) {
            if ("ORDERPAID".equals(e.code())) {
                Transaction paid = weChatPay.queryByOutTradeNo(outTradeNo);
                if (paid.getTradeState() == Transaction.TradeStateEnum.SUCCESS
                        || paid.getTradeState() == Transaction.TradeStateEnum.REFUND) {
                    log.warn("Order {} of expired appointment {} was paid meanwhile ({}): a late payment",
                            outTradeNo, event.appointmentId(), paid.getTransactionId());
                    commands.sendAndWait(new RecordWeChatPayment(outTradeNo, paid.getTransactionId(),
                            paid.getAmount().getTotal()));
                    return;
                }
                throw e;
            }
            if (!"ORDER_NOT_EXIST".equals(e.code()) && !"ORDER_CLOSED".equals(e.code())) {
                throw e; // logged by the processor; nothing changed here
            }
            // never placed (prepay did not get through) or already closed: close ours
        }
        commands.sendAndWait(new ClosePayment(outTradeNo, EXPIRY_REASON));
    }

    @EventHandler
    void on(RefundRequested event) {
        if (event.channel() != PaymentChannel.WECHAT) {
            return;
        }
        PaymentCreated created = weChatFlows.created(event.outTradeNo());
        if (created == null) {
            log.warn("Refund {} names no order ({}): not applied for", event.outRefundNo(), event.outTradeNo());
            return;
        }
        Refund refund = weChatPay.refund(event.outTradeNo(), event.outRefundNo(), event.amountFen(),
                created.amountFen(), event.reason());
        log.info("WeChat refund {} of {} ({} fen): {}", event.outRefundNo(), event.outTradeNo(), event.amountFen(),
                refund.getStatus());
        if (refund.getStatus() == Status.SUCCESS) {
            commands.sendAndWait(new SettleWeChatRefund(event.outTradeNo(), event.outRefundNo()));
        }
        // PROCESSING: the refund notification settles it
    }

    /** Not paid and not closed: the order's events so far are only its creation. */
    private boolean isOpen(String outTradeNo) {
        var events = eventStore.readEvents(outTradeNo);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof PaymentSucceeded || payload instanceof PaymentClosed) {
                return false;
            }
        }
        return true;
    }
}
