package com.yihuiliao.command.appointment;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.AppointmentBookedResult;
import com.yihuiliao.api.appointment.BookWalkIn;
import com.yihuiliao.api.appointment.ConfirmAppointment;
import com.yihuiliao.api.appointment.RegisteredWalkIn;
import com.yihuiliao.api.payment.CreatePayment;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.RecordPaymentSucceeded;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.patient.Patients;
import com.yihuiliao.command.payment.Payment;
import com.yihuiliao.command.schedule.Schedule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * 现场挂号: in one unit of work, the booking every patient gets (schedule → daily limit → appointment),
 * the counter payment of its fee (created and paid, channel COUNTER, the receipt as its transaction)
 * and the appointment confirmed by it. A refusal anywhere — full, a second hold, the daily limit, an
 * amount that is not the fee — leaves nothing behind.
 */
@Component
class WalkInHandler {

    private static final Logger log = LoggerFactory.getLogger(WalkInHandler.class);

    private final BookingHandler booking;
    private final Repository<Appointment> appointments;
    private final Repository<Payment> payments;
    private final Patients patients;
    private final EventStore eventStore;

    WalkInHandler(BookingHandler booking, @Qualifier("appointmentRepository") Repository<Appointment> appointments,
                  @Qualifier("paymentRepository") Repository<Payment> payments, Patients patients,
                  EventStore eventStore) {
        this.booking = booking;
        this.appointments = appointments;
        this.payments = payments;
        this.patients = patients;
        this.eventStore = eventStore;
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
        Aggregate<Schedule> schedule = booking.loadSchedule(cmd.scheduleId());
        if (eventStore.lastSequenceNumberFor(cmd.appointmentId()).isPresent()) {
            return repeated(cmd);
        }
        BookingHandler.Booked booked = booking.book(schedule, cmd.appointmentId(), cmd.patientId(), true);
        Aggregate<Appointment> appointment = booked.appointment();
        long fee = appointment.invoke(Appointment::feeFen);
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
        appointment.handle(asCommandMessage(new ConfirmAppointment(cmd.appointmentId(), outTradeNo)));
        AppointmentBookedResult result = booked.result();
        log.info("Staff {} registered walk-in {} for patient {} on schedule {}: {} fen at the counter (receipt {}, {})",
                cmd.operator(), cmd.appointmentId(), cmd.patientId(), cmd.scheduleId(), fee, cmd.receiptNo(), outTradeNo);
        return new RegisteredWalkIn(new AppointmentBookedResult(result.appointmentId(),
                appointment.invoke(Appointment::status), null, result.remaining(), result.scheduleVersion()),
                outTradeNo, fee);
    }

    /** The receipt was registered already: the same walk-in answers as the first time; another is a conflict. */
    private RegisteredWalkIn repeated(BookWalkIn cmd) {
        Aggregate<Appointment> appointment = appointments.load(cmd.appointmentId());
        if (!cmd.patientId().equals(appointment.invoke(Appointment::patientId))
                || !cmd.scheduleId().equals(appointment.invoke(Appointment::scheduleId))) {
            throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "Receipt " + cmd.receiptNo() + " was already used for another registration.");
        }
        String paidBy = appointment.invoke(Appointment::paymentReference);
        long fee = appointment.invoke(Appointment::feeFen);
        return new RegisteredWalkIn(new AppointmentBookedResult(cmd.appointmentId(),
                appointment.invoke(Appointment::status), null, -1, -1),
                fee == 0 ? null : paidBy, fee);
    }
}
