package com.yihuiliao.command.payment;

import com.yihuiliao.api.payment.ClosePayment;
import com.yihuiliao.api.payment.CloseReason;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.payment.FailWeChatRefund;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.RecordWeChatPayment;
import com.yihuiliao.api.payment.SettleWeChatRefund;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPay.RefundStatus;
import com.yihuiliao.command.payment.wechatpay.WeChatPay.Trade;
import com.yihuiliao.command.payment.wechatpay.WeChatPay.TradeState;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings one of our open WeChat orders in line with what WeChat Pay knows — for a notification
 * that is late or lost, an expired hold, a patient switching to the balance. WeChat Pay is asked
 * first, outside any unit of work; then the matching command is sent. Every step is idempotent.
 */
@Component
class WeChatOrders {

    private static final Logger log = LoggerFactory.getLogger(WeChatOrders.class);
    private static final Set<TradeState> PAID = Set.of(TradeState.SUCCESS, TradeState.REFUND);
    private static final Set<TradeState> ENDED_UNPAID = Set.of(TradeState.CLOSED, TradeState.REVOKED,
            TradeState.PAYERROR);

    enum Outcome { PAID, OPEN, CLOSED }

    private final WeChatPay weChatPay;
    private final CommandGateway commands;
    private final OpenWeChatOrders openOrders;

    WeChatOrders(WeChatPay weChatPay, CommandGateway commands, OpenWeChatOrders openOrders) {
        this.weChatPay = weChatPay;
        this.commands = commands;
        this.openOrders = openOrders;
    }

    boolean isOpen(String outTradeNo) {
        return openOrders.isOpen(outTradeNo);
    }

    /** An appointment's orders neither paid nor closed (more than one only for a moment, or never). */
    List<String> openOfAppointment(String appointmentId) {
        return openOrders.openOf(PaymentPurpose.REGISTRATION, appointmentId);
    }

    /** An exam booking's orders neither paid nor closed. */
    List<String> openOfExamBooking(String bookingId) {
        return openOrders.openOf(PaymentPurpose.EXAM, bookingId);
    }

    /** Asks WeChat Pay about an order: a payment it has taken is recorded as if notified. */
    Outcome refresh(String outTradeNo) {
        if (!openOrders.isOpen(outTradeNo)) {
            return Outcome.CLOSED;
        }
        Trade trade;
        try {
            trade = weChatPay.queryByOutTradeNo(outTradeNo);
        } catch (WeChatPayException e) {
            if ("ORDER_NOT_EXIST".equals(e.code()) || "ORDERNOTEXIST".equals(e.code())) {
                return Outcome.OPEN; // the prepay never reached WeChat Pay
            }
            throw e;
        }
        if (PAID.contains(trade.state())) {
            record(outTradeNo, trade, "query");
            return Outcome.PAID;
        }
        if (ENDED_UNPAID.contains(trade.state())) {
            commands.sendAndWait(new ClosePayment(outTradeNo, CloseReason.CLOSED_AT_WECHAT, trade.state().name()));
            return Outcome.CLOSED;
        }
        return Outcome.OPEN;
    }

    /**
     * Closes an order at WeChat Pay, then ours. If WeChat Pay says it was paid meanwhile
     * (ORDERPAID), the payment is recorded instead — whatever it paid for decides what happens to it.
     */
    Outcome close(String outTradeNo, CloseReason reason) {
        if (!openOrders.isOpen(outTradeNo)) {
            return Outcome.CLOSED;
        }
        try {
            weChatPay.closeOrder(outTradeNo);
        } catch (WeChatPayException e) {
            if ("ORDERPAID".equals(e.code())) {
                Trade paid = weChatPay.queryByOutTradeNo(outTradeNo);
                if (PAID.contains(paid.state())) {
                    record(outTradeNo, paid, "close");
                    return Outcome.PAID;
                }
                throw e;
            }
            if (!"ORDER_NOT_EXIST".equals(e.code()) && !"ORDER_CLOSED".equals(e.code())) {
                throw e; // nothing changed here; the caller retries
            }
            // never placed (the prepay did not get through) or already closed: close ours
        }
        commands.sendAndWait(new ClosePayment(outTradeNo, reason));
        return Outcome.CLOSED;
    }

    /**
     * What a refund's status at WeChat Pay means here. SUCCESS settles it; CLOSED fails it (the money
     * stays with the hospital, refundable again); PROCESSING waits for the notification; ABNORMAL
     * (the payer's card refused it) waits for the merchant to handle it on WeChat Pay's platform, after
     * which WeChat Pay notifies SUCCESS.
     */
    void settleRefund(String outTradeNo, String outRefundNo, RefundStatus status, String refundId, String receivedBy) {
        if (status == RefundStatus.SUCCESS) {
            commands.sendAndWait(new SettleWeChatRefund(outTradeNo, outRefundNo, refundId, receivedBy));
        } else if (status == RefundStatus.CLOSED) {
            commands.sendAndWait(new FailWeChatRefund(outTradeNo, outRefundNo, RefundFailure.CLOSED_BY_WECHAT, null));
        } else if (status == RefundStatus.ABNORMAL) {
            log.warn("Refund {} of {} is ABNORMAL at WeChat Pay: to be handled on the merchant platform",
                    outRefundNo, outTradeNo);
        }
    }

    private void record(String outTradeNo, Trade paid, String how) {
        log.warn("Order {} was paid ({}) without a notification reaching us; found on {}", outTradeNo,
                paid.transactionId(), how);
        commands.sendAndWait(new RecordWeChatPayment(outTradeNo, paid.transactionId(), paid.amountFen()));
    }
}
