package com.yihuiliao.command.payment;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.ConfirmAppointment;
import com.yihuiliao.api.payment.FailWeChatRefund;
import com.yihuiliao.api.payment.ReleaseRefundReservation;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.payment.RecordPaymentSucceeded;
import com.yihuiliao.api.payment.RecordWeChatPayment;
import com.yihuiliao.api.payment.ReserveRefund;
import com.yihuiliao.api.payment.SettleRefundReservation;
import com.yihuiliao.api.payment.SettleWeChatRefund;
import com.yihuiliao.api.payment.StartWeChatAppointmentPayment;
import com.yihuiliao.api.payment.WeChatOrder;
import com.yihuiliao.api.refund.RecordRefundFailed;
import com.yihuiliao.api.refund.RecordRefundSucceeded;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RequestRefund;
import com.yihuiliao.command.appointment.Appointment;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.lookup.StoredAggregates;
import com.yihuiliao.command.refund.Refund;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The WeChat Pay channel's bookkeeping. WeChat Pay itself is never called here: these handlers only
 * change aggregates (in the order appointment → payment → refund), and the calls to WeChat Pay happen
 * before or after them (the controllers, {@link PaymentProcess}).
 */
@Component
class WeChatFlows {

    private static final Logger log = LoggerFactory.getLogger(WeChatFlows.class);

    private final Repository<Payment> payments;
    private final Repository<Refund> refunds;
    private final Repository<Appointment> appointments;
    private final PaymentOrders paymentOrders;
    private final StoredAggregates storedAggregates;
    private final MoneyFlows moneyFlows;

    WeChatFlows(@Qualifier("paymentRepository") Repository<Payment> payments,
                @Qualifier("refundRepository") Repository<Refund> refunds,
                @Qualifier("appointmentRepository") Repository<Appointment> appointments,
                PaymentOrders paymentOrders, StoredAggregates storedAggregates, MoneyFlows moneyFlows) {
        this.payments = payments;
        this.refunds = refunds;
        this.appointments = appointments;
        this.paymentOrders = paymentOrders;
        this.storedAggregates = storedAggregates;
        this.moneyFlows = moneyFlows;
    }

    /** An appointment's WeChat orders: one open at a time, the next only after the last was closed unpaid. */
    static final int MAX_WECHAT_ORDERS = 20;

    /**
     * The WeChat order number of an appointment's fee: "RGW" + 27 characters of its SHA-256, so a
     * repeated request finds the same order (and WeChat's prepay answers the same prepay_id for an
     * identical request).
     */
    static String orderNoFor(String appointmentId) {
        return orderNoFor(appointmentId, 1);
    }

    /** The appointment's n-th order number; the next one is used only once the one before is closed. */
    static String orderNoFor(String appointmentId, int n) {
        return PaymentIds.derived(PaymentPurpose.REGISTRATION.prefix() + "W",
                n == 1 ? appointmentId : appointmentId + "#" + n, 27);
    }

    @CommandHandler
    public WeChatOrder handle(StartWeChatAppointmentPayment cmd) throws Exception {
        Aggregate<Appointment> appointment = storedAggregates.exists(cmd.appointmentId()) ? appointments.load(cmd.appointmentId()) : null;
        if (appointment == null || !cmd.patientId().equals(appointment.invoke(Appointment::patientId))) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_FOUND);
        }
        AppointmentStatus status = appointment.invoke(Appointment::status);
        if (status != AppointmentStatus.HELD) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_CONFIRMABLE,
                    "The appointment is " + status.name().toLowerCase() + " and can no longer be paid.");
        }
        long fee = appointment.invoke(Appointment::feeFen);
        for (int n = 1; n <= MAX_WECHAT_ORDERS; n++) {
            String outTradeNo = orderNoFor(cmd.appointmentId(), n);
            Aggregate<Payment> earlier = moneyFlows.loadPayment(outTradeNo);
            // an order closed while the hold lasts (WeChat Pay ended it unpaid, or a balance payment failed
            // after closing it) cannot be reopened at WeChat Pay: the next number takes its place
            if (earlier == null || earlier.invoke(Payment::status) != PaymentStatus.CLOSED) {
                moneyFlows.openWeChatOrder(outTradeNo, PaymentPurpose.REGISTRATION, cmd.appointmentId(),
                        cmd.patientId(), fee);
                return new WeChatOrder(outTradeNo, cmd.appointmentId(), cmd.patientId(), fee,
                        appointment.invoke(Appointment::holdExpiresAt));
            }
        }
        throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE,
                "This appointment has had too many WeChat orders; please pay from the balance or at the counter.");
    }

    /** Answers what became of the payment: CONFIRMED, LATE_REFUND or PAID. */
    @CommandHandler
    public String handle(RecordWeChatPayment cmd) throws Exception {
        PaymentOrder created = paymentOrders.find(cmd.outTradeNo()).orElse(null);
        if (created == null || created.channel() != PaymentChannel.WECHAT) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_FOUND, "No WeChat order " + cmd.outTradeNo() + ".");
        }
        boolean registration = created.purpose() == PaymentPurpose.REGISTRATION;
        // appointment first, then the payment: the order every money flow takes them in
        Aggregate<Appointment> appointment = registration && storedAggregates.exists(created.referenceId())
                ? appointments.load(created.referenceId()) : null;
        Aggregate<Payment> payment = payments.load(cmd.outTradeNo());
        payment.handle(asCommandMessage(new RecordPaymentSucceeded(cmd.outTradeNo(), cmd.transactionId(),
                cmd.amountFen())));
        if (appointment == null) {
            return "PAID";
        }
        AppointmentStatus status = appointment.invoke(Appointment::status);
        String paidBy = appointment.invoke(Appointment::paymentReference);
        if (status == AppointmentStatus.HELD) {
            appointment.handle(asCommandMessage(new ConfirmAppointment(created.referenceId(), cmd.outTradeNo())));
            return "CONFIRMED";
        }
        if (status == AppointmentStatus.CONFIRMED && cmd.outTradeNo().equals(paidBy)) {
            return "CONFIRMED"; // the notification repeats
        }
        RefundReason reason = status == AppointmentStatus.EXPIRED ? RefundReason.LATE_AFTER_EXPIRY
                : status == AppointmentStatus.CANCELLED ? RefundReason.LATE_AFTER_CANCELLATION
                : RefundReason.LATE_ALREADY_PAID;
        String outRefundNo = PaymentIds.lateRefundNo(cmd.outTradeNo());
        if (!storedAggregates.exists(outRefundNo)) {
            log.warn("Order {} was paid ({}) but appointment {} is {}: refunding it as {}", cmd.outTradeNo(),
                    cmd.transactionId(), created.referenceId(), status, outRefundNo);
            requestWeChatRefund(payment, refunds, cmd.outTradeNo(), outRefundNo, payment.invoke(Payment::amountFen),
                    reason, null, "system");
        }
        return "LATE_REFUND";
    }

    /**
     * The one way money goes back to WeChat: in the caller's unit of work, reserve the amount on the
     * payment and request a {@code Refund} (channel WECHAT). {@link PaymentProcess} then applies for it at
     * WeChat Pay (out_refund_no as the idempotency key); {@link SettleWeChatRefund} settles it.
     */
    static Aggregate<Refund> requestWeChatRefund(Aggregate<Payment> payment, Repository<Refund> refunds,
                                                 String outTradeNo, String outRefundNo, long amountFen,
                                                 RefundReason reason, String note, String operator)
            throws Exception {
        payment.handle(asCommandMessage(new ReserveRefund(outTradeNo, outRefundNo, amountFen)));
        return refunds.newInstance(() -> new Refund(new RequestRefund(outRefundNo, outTradeNo, amountFen, reason,
                note, operator, PaymentChannel.WECHAT)));
    }

    @CommandHandler
    public void handle(SettleWeChatRefund cmd) throws Exception {
        Aggregate<Payment> payment = loadPayment(cmd.outTradeNo());
        Aggregate<Refund> refund = loadRefundOf(cmd.outTradeNo(), cmd.outRefundNo());
        refund.handle(asCommandMessage(new RecordRefundSucceeded(cmd.outRefundNo(), null, cmd.weChatRefundId(),
                cmd.receivedBy())));
        payment.handle(asCommandMessage(new SettleRefundReservation(cmd.outTradeNo(), cmd.outRefundNo())));
    }

    @CommandHandler
    public void handle(FailWeChatRefund cmd) throws Exception {
        Aggregate<Payment> payment = loadPayment(cmd.outTradeNo());
        Aggregate<Refund> refund = loadRefundOf(cmd.outTradeNo(), cmd.outRefundNo());
        refund.handle(asCommandMessage(new RecordRefundFailed(cmd.outRefundNo(), cmd.reason(), cmd.detail())));
        payment.handle(asCommandMessage(new ReleaseRefundReservation(cmd.outTradeNo(), cmd.outRefundNo())));
    }

    private Aggregate<Payment> loadPayment(String outTradeNo) {
        if (!PaymentIds.isValid(outTradeNo) || !storedAggregates.exists(outTradeNo)) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_FOUND);
        }
        return payments.load(outTradeNo);
    }

    private Aggregate<Refund> loadRefundOf(String outTradeNo, String outRefundNo) {
        if (!PaymentIds.isValid(outRefundNo) || !storedAggregates.exists(outRefundNo)) {
            throw new BusinessRuleViolation(ErrorCode.REFUND_NOT_FOUND);
        }
        Aggregate<Refund> refund = refunds.load(outRefundNo);
        if (!outTradeNo.equals(refund.invoke(Refund::outTradeNo))) {
            throw new BusinessRuleViolation(ErrorCode.REFUND_NOT_FOUND,
                    "The refund " + outRefundNo + " is not one of " + outTradeNo + ".");
        }
        return refund;
    }
}
