package com.yihuiliao.command.money;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.ConfirmAppointment;
import com.yihuiliao.api.payment.BalancePaymentResult;
import com.yihuiliao.api.payment.CheckAppointmentBalancePayment;
import com.yihuiliao.api.payment.PayAppointmentWithBalance;
import com.yihuiliao.api.payment.PayFromBalance;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.command.appointment.Appointment;
import com.yihuiliao.command.appointment.AppointmentFee;
import com.yihuiliao.command.appointment.QuoteAppointmentFee;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.payment.PaymentOrder;
import com.yihuiliao.command.payment.PaymentOrders;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Paying from the outpatient balance: any order, and a held appointment's fee (the appointment confirmed
 * by it). Appointment first, then payment → account ({@link MoneySteps}); too little money writes nothing.
 */
@Component
class BalancePayments {

    private final MoneySteps steps;
    private final PaymentOrders orders;

    BalancePayments(MoneySteps steps, PaymentOrders orders) {
        this.steps = steps;
        this.orders = orders;
    }

    @CommandHandler
    public BalancePaymentResult handle(PayFromBalance cmd) throws Exception {
        PaymentIds.requireValid(cmd.outTradeNo());
        if (steps.exists(cmd.outTradeNo())) {
            return steps.repeatedBalancePayment(cmd.outTradeNo(), cmd.referenceId(), cmd.amountFen());
        }
        return steps.payFromBalance(cmd.outTradeNo(), cmd.purpose(), cmd.referenceId(), cmd.patientId(),
                cmd.amountFen());
    }

    /** The fee of a held appointment, paid from the outpatient balance, and the appointment confirmed. */
    @CommandHandler
    public BalancePaymentResult handle(PayAppointmentWithBalance cmd) throws Exception {
        Aggregate<Appointment> appointment = steps.appointment(cmd.appointmentId());
        AppointmentFee fee = payableByBalance(appointment, cmd.appointmentId(), cmd.patientId());
        if (fee instanceof AppointmentFee.PaidBy paid) {
            // a retried request: already paid, answer as the first time
            return steps.repeatedBalancePayment(paid.outTradeNo(), cmd.appointmentId(), paid.feeFen());
        }
        long feeFen = ((AppointmentFee.Payable) fee).feeFen();
        String outTradeNo = PaymentIds.next(PaymentPurpose.REGISTRATION.prefix());
        BalancePaymentResult result = steps.payFromBalance(outTradeNo, PaymentPurpose.REGISTRATION,
                cmd.appointmentId(), cmd.patientId(), feeFen);
        appointment.handle(asCommandMessage(new ConfirmAppointment(cmd.appointmentId(), outTradeNo)));
        return result;
    }

    /**
     * Every refusal {@link PayAppointmentWithBalance} would meet, found without writing anything: the
     * controller asks this before it closes an open WeChat order, which cannot be reopened.
     */
    @CommandHandler
    public void handle(CheckAppointmentBalancePayment cmd) throws Exception {
        AppointmentFee fee = payableByBalance(steps.appointment(cmd.appointmentId()), cmd.appointmentId(),
                cmd.patientId());
        if (fee instanceof AppointmentFee.Payable payable) {
            steps.requireBalance(cmd.patientId(), payable.feeFen());
        }
    }

    /** Payable, or paid from the balance already (a retry); anything else is refused. */
    private AppointmentFee payableByBalance(Aggregate<Appointment> appointment, String appointmentId,
                                            String patientId) throws Exception {
        if (appointment == null) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_FOUND);
        }
        AppointmentFee fee = (AppointmentFee) appointment.handle(asCommandMessage(
                new QuoteAppointmentFee(appointmentId, patientId)));
        if (fee instanceof AppointmentFee.PaidBy paid) {
            PaymentOrder order = orders.find(paid.outTradeNo()).orElse(null);
            if (order != null && order.channel() == PaymentChannel.WECHAT) {
                throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_CONFIRMABLE,
                        "The appointment is already paid with WeChat Pay.");
            }
            if (order == null) {
                throw notPayable(AppointmentStatus.CONFIRMED);
            }
        }
        if (fee instanceof AppointmentFee.NotPayable refused) {
            throw notPayable(refused.status());
        }
        return fee;
    }

    static BusinessRuleViolation notPayable(AppointmentStatus status) {
        return new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_CONFIRMABLE,
                "The appointment is " + status.name().toLowerCase() + " and can no longer be paid.");
    }

}
