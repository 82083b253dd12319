package com.yihuiliao.command.money;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.BookWalkIn;
import com.yihuiliao.api.appointment.ConfirmAppointment;
import com.yihuiliao.api.appointment.RegisteredWalkIn;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.appointment.AppointmentBookedResult;
import com.yihuiliao.command.appointment.Appointment;
import com.yihuiliao.command.appointment.Bookings;
import com.yihuiliao.command.appointment.RepeatWalkIn;
import com.yihuiliao.command.appointment.WalkInBooked;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.patient.Patients;
import com.yihuiliao.command.payment.CreatePayment;
import com.yihuiliao.command.payment.Payment;
import com.yihuiliao.command.payment.RecordPaymentSucceeded;
import com.yihuiliao.command.schedule.Schedule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * 现场挂号: in one unit of work, the booking every patient gets (schedule → daily limit → appointment,
 * by the appointment room's {@link Bookings}), the counter payment of its fee (created and paid, channel
 * COUNTER, the receipt as its transaction) and the appointment confirmed by it. A refusal anywhere —
 * full, a second hold, the daily limit, an amount that is not the fee — leaves nothing behind.
 */
@Component
class WalkInPayments {

    private static final Logger log = LoggerFactory.getLogger(WalkInPayments.class);

    private final Bookings bookings;
    private final Repository<Appointment> appointments;
    private final Repository<Payment> payments;
    private final Patients patients;
    private final MoneySteps steps;

    WalkInPayments(Bookings bookings, @Qualifier("appointmentRepository") Repository<Appointment> appointments,
                   @Qualifier("paymentRepository") Repository<Payment> payments, Patients patients,
                   MoneySteps steps) {
        this.bookings = bookings;
        this.appointments = appointments;
        this.payments = payments;
        this.patients = patients;
        this.steps = steps;
    }

    /** The counter's transaction id of a receipt. */
    static String counterTransaction(String receiptNo) {
        return "COUNTER-" + receiptNo;
    }

    @CommandHandler
    public RegisteredWalkIn handle(BookWalkIn cmd) throws Exception {
        if (!patients.isLive(cmd.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND);
        }
        Aggregate<Schedule> schedule = bookings.loadSchedule(cmd.scheduleId());
        if (steps.exists(cmd.appointmentId())) {
            return repeated(cmd);
        }
        Bookings.Booked booked = bookings.book(schedule, cmd.appointmentId(), cmd.patientId(), true);
        long fee = booked.feeFen();
        if (fee == 0) {
            if (cmd.amountFen() != 0) {
                throw new BusinessRuleViolation(ErrorCode.PAYMENT_AMOUNT_MISMATCH,
                        "This schedule is free of charge; nothing is to be taken at the counter.");
            }
            return new RegisteredWalkIn(booked.result(), null, 0); // confirmed at once, as free
        }
        String outTradeNo = PaymentIds.next(PaymentPurpose.REGISTRATION.prefix());
        Aggregate<Payment> payment = payments.newInstance(() -> new Payment(new CreatePayment(outTradeNo,
                PaymentPurpose.REGISTRATION, cmd.appointmentId(), cmd.patientId(), fee, PaymentChannel.COUNTER)));
        // the aggregate checks that what the cashier took is the fee (PAYMENT_AMOUNT_MISMATCH otherwise)
        payment.handle(asCommandMessage(new RecordPaymentSucceeded(outTradeNo, counterTransaction(cmd.receiptNo()),
                cmd.amountFen())));
        booked.appointment().handle(asCommandMessage(new ConfirmAppointment(cmd.appointmentId(), outTradeNo)));
        AppointmentBookedResult result = booked.result();
        log.info("Staff {} registered walk-in {} for patient {} on schedule {}: {} fen at the counter (receipt {}, {})",
                cmd.operator(), cmd.appointmentId(), cmd.patientId(), cmd.scheduleId(), fee, cmd.receiptNo(), outTradeNo);
        // the confirmation above either succeeded or threw: the appointment is confirmed
        return new RegisteredWalkIn(new AppointmentBookedResult(result.appointmentId(), AppointmentStatus.CONFIRMED,
                null, result.remaining(), result.scheduleVersion()), outTradeNo, fee);
    }

    /** The receipt was registered already: the same walk-in answers as the first time; another is a conflict. */
    private RegisteredWalkIn repeated(BookWalkIn cmd) throws Exception {
        WalkInBooked booked = (WalkInBooked) appointments.load(cmd.appointmentId()).handle(asCommandMessage(
                new RepeatWalkIn(cmd.appointmentId(), cmd.patientId(), cmd.scheduleId(), cmd.receiptNo())));
        return new RegisteredWalkIn(new AppointmentBookedResult(cmd.appointmentId(), booked.status(), null, -1, -1),
                booked.paidBy(), booked.feeFen());
    }
}
