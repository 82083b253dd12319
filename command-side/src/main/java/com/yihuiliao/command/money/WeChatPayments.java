package com.yihuiliao.command.money;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.payment.RecordWeChatPayment;
import com.yihuiliao.api.payment.StartWeChatAppointmentPayment;
import com.yihuiliao.api.payment.WeChatOrder;
import com.yihuiliao.command.appointment.Appointment;
import com.yihuiliao.command.appointment.AppointmentFee;
import com.yihuiliao.command.appointment.PaymentTaken;
import com.yihuiliao.command.appointment.QuoteAppointmentFee;
import com.yihuiliao.command.appointment.TakePayment;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.payment.Payment;
import com.yihuiliao.command.payment.PaymentOrder;
import com.yihuiliao.command.payment.PaymentOrders;
import com.yihuiliao.command.payment.RecordPaymentSucceeded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The WeChat Pay channel's bookkeeping for appointments, and the one place a WeChat payment is recorded.
 * WeChat Pay itself is never called here: these handlers only change aggregates (appointment → payment →
 * refund), and the calls to WeChat Pay happen before or after them (the controllers, the WeChat Pay
 * reactions in the payment package).
 */
@Component
public class WeChatPayments {

    private static final Logger log = LoggerFactory.getLogger(WeChatPayments.class);
    /** An appointment's WeChat orders: one open at a time, the next only after the last was closed unpaid. */
    static final int MAX_WECHAT_ORDERS = 20;

    private final MoneySteps steps;
    private final PaymentOrders orders;
    private final ExamPayments exams;

    WeChatPayments(MoneySteps steps, PaymentOrders orders, ExamPayments exams) {
        this.steps = steps;
        this.orders = orders;
        this.exams = exams;
    }

    /**
     * The WeChat order number of an appointment's fee: "RGW" + 27 characters of its SHA-256, so a
     * repeated request finds the same order (and WeChat's prepay answers the same prepay_id for an
     * identical request).
     */
    public static String orderNoFor(String appointmentId) {
        return orderNoFor(appointmentId, 1);
    }

    /** The appointment's n-th order number; the next one is used only once the one before is closed. */
    public static String orderNoFor(String appointmentId, int n) {
        return PaymentIds.derived(PaymentPurpose.REGISTRATION.prefix() + "W",
                n == 1 ? appointmentId : appointmentId + "#" + n, 27);
    }

    @CommandHandler
    public WeChatOrder handle(StartWeChatAppointmentPayment cmd) throws Exception {
        Aggregate<Appointment> appointment = steps.appointment(cmd.appointmentId());
        if (appointment == null) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_FOUND);
        }
        AppointmentFee fee = (AppointmentFee) appointment.handle(asCommandMessage(
                new QuoteAppointmentFee(cmd.appointmentId(), cmd.patientId())));
        if (!(fee instanceof AppointmentFee.Payable payable)) {
            throw BalancePayments.notPayable(fee instanceof AppointmentFee.NotPayable refused ? refused.status()
                    : AppointmentStatus.CONFIRMED);
        }
        for (int n = 1; n <= MAX_WECHAT_ORDERS; n++) {
            String outTradeNo = orderNoFor(cmd.appointmentId(), n);
            // an order closed while the hold lasts (WeChat Pay ended it unpaid, or a balance payment failed
            // after closing it) cannot be reopened at WeChat Pay: the next number takes its place
            if (orders.find(outTradeNo).map(PaymentOrder::status).orElse(null) != PaymentStatus.CLOSED) {
                steps.openWeChatOrder(outTradeNo, PaymentPurpose.REGISTRATION, cmd.appointmentId(),
                        cmd.patientId(), payable.feeFen());
                return new WeChatOrder(outTradeNo, cmd.appointmentId(), cmd.patientId(), payable.feeFen(),
                        payable.holdExpiresAt());
            }
        }
        throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE,
                "This appointment has had too many WeChat orders; please pay from the balance or at the counter.");
    }

    /** Answers what became of the payment: CONFIRMED, LATE_REFUND or PAID (an exam booking's: PAID or LATE_REFUND). */
    @CommandHandler
    public String handle(RecordWeChatPayment cmd) throws Exception {
        PaymentOrder order = orders.find(cmd.outTradeNo()).orElse(null);
        if (order == null || order.channel() != PaymentChannel.WECHAT) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_FOUND, "No WeChat order " + cmd.outTradeNo() + ".");
        }
        if (order.purpose() == PaymentPurpose.EXAM) {
            return exams.recordWeChatPayment(order, cmd);
        }
        // appointment first, then the payment: the order every money flow takes them in
        Aggregate<Appointment> appointment = order.purpose() == PaymentPurpose.REGISTRATION
                ? steps.appointment(order.referenceId()) : null;
        Aggregate<Payment> payment = steps.payment(cmd.outTradeNo());
        payment.handle(asCommandMessage(new RecordPaymentSucceeded(cmd.outTradeNo(), cmd.transactionId(),
                cmd.amountFen())));
        if (appointment == null) {
            return "PAID";
        }
        PaymentTaken taken = (PaymentTaken) appointment.handle(asCommandMessage(
                new TakePayment(order.referenceId(), cmd.outTradeNo())));
        if (!(taken instanceof PaymentTaken.Late late)) {
            return "CONFIRMED";
        }
        String outRefundNo = PaymentIds.lateRefundNo(cmd.outTradeNo());
        if (!steps.exists(outRefundNo)) {
            log.warn("Order {} was paid ({}) but appointment {} no longer takes it ({}): refunding it as {}",
                    cmd.outTradeNo(), cmd.transactionId(), order.referenceId(), late.reason(), outRefundNo);
            steps.refundToOriginalChannel(payment, cmd.outTradeNo(), outRefundNo, order.amountFen(), late.reason(),
                    null, "system");
        }
        return "LATE_REFUND";
    }
}
