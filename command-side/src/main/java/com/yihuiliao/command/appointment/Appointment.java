package com.yihuiliao.command.appointment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.appointment.AppointmentBooked;
import com.yihuiliao.api.appointment.CheckInRecorded;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.AppointmentMissed;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.CancelAppointment;
import com.yihuiliao.api.appointment.CancelAppointmentByHospital;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.appointment.ConfirmAppointment;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.schedule.Period;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One patient's appointment: held → confirmed → checked in, or missed; held → expired; held or confirmed → cancelled.
 * An unpaid hold expires through a persistent deadline; a confirmed one whose period ended is marked missed by
 * {@link MissedAppointmentSweep}.
 */
@Aggregate(cache = "appointmentCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Appointment {

    static final String HOLD_EXPIRY = "hold-expiry";

    @AggregateIdentifier
    private String appointmentId;
    private String patientId;
    private String scheduleId;
    private String doctorId;
    private String departmentId;
    private LocalDate date;
    private Period period;
    private Instant cancelUntil;
    private Instant holdExpiresAt;
    private AppointmentStatus status;
    private long feeFen;
    private String paymentReference;

    protected Appointment() {
        // for Axon
    }

    @CommandHandler
    public Appointment(OpenAppointment cmd, DeadlineManager deadlines) {
        apply(new AppointmentBooked(cmd.appointmentId(), cmd.patientId(), cmd.scheduleId(), cmd.doctorId(),
                cmd.departmentId(), cmd.date(), cmd.period(), cmd.feeFen(), cmd.cancelUntil(), cmd.holdExpiresAt()));
        if (cmd.feeFen() == 0) {
            apply(new AppointmentConfirmed(cmd.appointmentId(), AppointmentConfirmed.FREE_OF_CHARGE));
        } else {
            deadlines.schedule(cmd.holdExpiresAt(), HOLD_EXPIRY);
        }
    }

    @CommandHandler
    public void handle(ConfirmAppointment cmd) {
        if (status == AppointmentStatus.CONFIRMED) {
            return; // the payment flow may repeat itself
        }
        if (status != AppointmentStatus.HELD) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_CONFIRMABLE,
                    "The appointment is " + status.name().toLowerCase() + " and can no longer be confirmed.");
        }
        apply(new AppointmentConfirmed(appointmentId, cmd.paymentReference()));
    }

    @CommandHandler
    public AppointmentFee handle(QuoteAppointmentFee cmd) {
        if (!patientId.equals(cmd.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_FOUND);
        }
        if (status == AppointmentStatus.CONFIRMED && paidByOrder()) {
            return new AppointmentFee.PaidBy(paymentReference, feeFen);
        }
        return status == AppointmentStatus.HELD ? new AppointmentFee.Payable(feeFen, holdExpiresAt)
                : new AppointmentFee.NotPayable(status);
    }

    @CommandHandler
    public PaymentTaken handle(TakePayment cmd) {
        if (status == AppointmentStatus.HELD) {
            apply(new AppointmentConfirmed(appointmentId, cmd.outTradeNo()));
            return new PaymentTaken.Confirmed();
        }
        if (status == AppointmentStatus.CONFIRMED && cmd.outTradeNo().equals(paymentReference)) {
            return new PaymentTaken.Confirmed(); // the notification repeats
        }
        return new PaymentTaken.Late(status == AppointmentStatus.EXPIRED ? RefundReason.LATE_AFTER_EXPIRY
                : status == AppointmentStatus.CANCELLED ? RefundReason.LATE_AFTER_CANCELLATION
                : RefundReason.LATE_ALREADY_PAID);
    }

    @CommandHandler
    public String handle(NamePaymentToRefund cmd) {
        return paidByOrder() ? paymentReference : null;
    }

    @CommandHandler
    public WalkInBooked handle(RepeatWalkIn cmd) {
        if (!patientId.equals(cmd.patientId()) || !scheduleId.equals(cmd.scheduleId())) {
            throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "Receipt " + cmd.receiptNo() + " was already used for another registration.");
        }
        return new WalkInBooked(status, feeFen == 0 ? null : paymentReference, feeFen);
    }

    @CommandHandler
    public Visit handle(DescribeVisit cmd) {
        if (status == AppointmentStatus.CANCELLED || status == AppointmentStatus.EXPIRED) {
            throw new BusinessRuleViolation(ErrorCode.NO_VISIT_TO_RECORD);
        }
        return new Visit(patientId, doctorId, departmentId, date);
    }

    /** Confirmed by an order of ours, not free of charge. */
    private boolean paidByOrder() {
        return paymentReference != null && !AppointmentConfirmed.FREE_OF_CHARGE.equals(paymentReference);
    }

    @CommandHandler
    public void handle(CancelAppointment cmd) {
        if (!patientId.equals(cmd.patientId())) {
            // another patient's appointment is not theirs to see: same answer as an unknown id
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_FOUND);
        }
        if (status == AppointmentStatus.CANCELLED) {
            return;
        }
        if (!status.isLive()) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_CANCELLABLE,
                    "The appointment is " + status.name().toLowerCase() + " and can no longer be cancelled.");
        }
        if (!GenericEventMessage.clock.instant().isBefore(cancelUntil)) {
            throw new BusinessRuleViolation(ErrorCode.CANCEL_DEADLINE_PASSED,
                    ProblemMessage.of("appointment.cancel-deadline", "deadline", cancelUntil));
        }
        apply(new AppointmentCancelled(appointmentId, scheduleId, patientId, CancelledBy.PATIENT,
                cmd.reason(), status == AppointmentStatus.CONFIRMED));
    }

    @CommandHandler
    public void handle(CancelAppointmentByHospital cmd) {
        boolean checkedIn = status == AppointmentStatus.CHECKED_IN; // 停诊 after arriving: cancelled and refunded too
        if (!status.isLive() && !checkedIn) {
            return; // already ended; suspension may repeat
        }
        apply(new AppointmentCancelled(appointmentId, scheduleId, patientId, CancelledBy.HOSPITAL,
                cmd.reason(), status == AppointmentStatus.CONFIRMED || checkedIn));
    }

    /**
     * 签到: on the visit day, from the window's opening before the period starts until the period ends. Answers what
     * the queue needs to give the number ({@code queue.QueueCheckIns}, in the same unit of work).
     */
    @CommandHandler
    public Arrival handle(RecordCheckIn cmd) {
        if (!patientId.equals(cmd.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_FOUND);
        }
        if (status == AppointmentStatus.CHECKED_IN) {
            throw new BusinessRuleViolation(ErrorCode.ALREADY_CHECKED_IN);
        }
        if (status != AppointmentStatus.CONFIRMED) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_CHECKABLE);
        }
        Instant now = GenericEventMessage.clock.instant();
        Instant dayStarts = date.atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant();
        Instant periodStarts = date.atTime(period.start()).atZone(Clocks.HOSPITAL_ZONE).toInstant();
        Instant opens = periodStarts.minus(java.time.Duration.ofMinutes(cmd.opensMinutesBefore()));
        opens = opens.isBefore(dayStarts) ? dayStarts : opens;
        Instant closes = date.atTime(period.end()).atZone(Clocks.HOSPITAL_ZONE).toInstant();
        if (now.isBefore(opens)) {
            throw new BusinessRuleViolation(ErrorCode.CHECK_IN_NOT_OPEN,
                    ProblemMessage.of("appointment.check-in-opens", "opensAt", opens));
        }
        if (!now.isBefore(closes)) {
            throw new BusinessRuleViolation(ErrorCode.CHECK_IN_CLOSED,
                    ProblemMessage.of("appointment.check-in-closed", "closedAt", closes));
        }
        apply(new CheckInRecorded(appointmentId, scheduleId, patientId));
        return new Arrival(appointmentId, scheduleId, doctorId, patientId);
    }

    /** Only a confirmed appointment is missed, once; the sweep may ask again, or about one that ended otherwise. */
    @CommandHandler
    public boolean handle(MarkAppointmentMissed cmd) {
        if (status != AppointmentStatus.CONFIRMED) {
            return false;
        }
        apply(new AppointmentMissed(appointmentId, scheduleId, patientId, departmentId, doctorId, date, period));
        return true;
    }

    @DeadlineHandler(deadlineName = HOLD_EXPIRY)
    void expireUnpaidHold() {
        if (status == AppointmentStatus.HELD) {
            apply(new AppointmentExpired(appointmentId, scheduleId, patientId));
        }
    }

    @EventSourcingHandler
    void on(AppointmentBooked event) {
        appointmentId = event.appointmentId();
        patientId = event.patientId();
        scheduleId = event.scheduleId();
        doctorId = event.doctorId();
        departmentId = event.departmentId();
        date = event.date();
        period = event.period();
        cancelUntil = event.cancelUntil();
        holdExpiresAt = event.holdExpiresAt();
        feeFen = event.feeFen();
        status = AppointmentStatus.HELD;
    }

    @EventSourcingHandler
    void on(AppointmentConfirmed event) {
        status = AppointmentStatus.CONFIRMED;
        paymentReference = event.paymentReference();
    }

    @EventSourcingHandler
    void on(AppointmentCancelled event) {
        status = AppointmentStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(AppointmentExpired event) {
        status = AppointmentStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(CheckInRecorded event) {
        status = AppointmentStatus.CHECKED_IN;
    }

    @EventSourcingHandler
    void on(AppointmentMissed event) {
        status = AppointmentStatus.MISSED;
    }

    public AppointmentStatus status() {
        return status;
    }
}
