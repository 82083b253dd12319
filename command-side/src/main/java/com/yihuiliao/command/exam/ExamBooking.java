package com.yihuiliao.command.exam;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.exam.ExamBooked;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.exam.ExamBookingCancelled;
import com.yihuiliao.api.exam.ExamCheckInRecorded;
import com.yihuiliao.api.exam.ExamBookingExpired;
import com.yihuiliao.api.exam.ExamBookingPaid;
import com.yihuiliao.api.exam.ExamBookingSlip;
import com.yihuiliao.api.refund.RefundReason;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One patient's exam booking: held → paid (by one order) → checked in at the desk on the exam day, or cancelled;
 * held → expired (a persistent deadline at {@code payBy}) or cancelled. The place goes back through ExamProcess; the money through the money room, which
 * asks this booking what to do ({@link QuoteExamFee}, {@link TakeExamPayment}, {@link CancelExam}).
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ExamBooking {

    static final String PAYMENT_EXPIRY = "exam-payment-expiry";

    /**
     * HELD: awaiting payment; PAID; CHECKED_IN: at the desk on the exam day; EXPIRED: not paid in time; CANCELLED: by
     * the patient or the hospital.
     */
    enum Status { HELD, PAID, CHECKED_IN, EXPIRED, CANCELLED }

    @AggregateIdentifier
    private String bookingId;
    private ExamBooked booked;
    private Status status;
    private String paymentReference;

    protected ExamBooking() {
        // for Axon
    }

    @CommandHandler
    public ExamBooking(OpenExamBooking cmd, DeadlineManager deadlines) {
        apply(cmd.booked());
        deadlines.schedule(cmd.booked().payBy(), PAYMENT_EXPIRY);
    }

    @DeadlineHandler(deadlineName = PAYMENT_EXPIRY)
    void expireUnpaid() {
        if (status == Status.HELD) {
            apply(new ExamBookingExpired(bookingId, booked.examDayId(), booked.patientId()));
        }
    }

    @CommandHandler
    public ExamFee handle(QuoteExamFee cmd) {
        if (!booked.patientId().equals(cmd.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_FOUND);
        }
        return switch (status) {
            case HELD -> new ExamFee.Payable(booked.priceFen(), booked.payBy());
            case PAID, CHECKED_IN -> new ExamFee.PaidBy(paymentReference, booked.priceFen());
            default -> new ExamFee.NotPayable(status.name());
        };
    }

    @CommandHandler
    public ExamPaymentTaken handle(TakeExamPayment cmd) {
        if (status == Status.HELD) {
            apply(new ExamBookingPaid(bookingId, booked.examDayId(), booked.patientId(), cmd.outTradeNo(),
                    cmd.channel(), cmd.amountFen()));
            return new ExamPaymentTaken.Paid();
        }
        if ((status == Status.PAID || status == Status.CHECKED_IN) && cmd.outTradeNo().equals(paymentReference)) {
            return new ExamPaymentTaken.Paid(); // the notification repeats
        }
        return new ExamPaymentTaken.Late(status == Status.EXPIRED ? RefundReason.LATE_AFTER_EXPIRY
                : status == Status.CANCELLED ? RefundReason.LATE_AFTER_CANCELLATION
                : RefundReason.LATE_ALREADY_PAID);
    }

    @CommandHandler
    public String handle(CancelExam cmd) {
        if (!cmd.byHospital() && !booked.patientId().equals(cmd.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_FOUND);
        }
        if (status == Status.CANCELLED) {
            return paymentReference; // a repeat: its refund, if any, is the one already made
        }
        if (status == Status.EXPIRED) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_CANCELLABLE,
                    "The exam booking expired unpaid; there is nothing to cancel.");
        }
        if (status == Status.CHECKED_IN) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_CANCELLABLE,
                    "The patient was checked in for the exam; it can no longer be cancelled.");
        }
        if (!cmd.byHospital() && !GenericEventMessage.clock.instant().isBefore(booked.cancelDeadline())) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_CANCEL_DEADLINE_PASSED,
                    ProblemMessage.of("exam.cancel-deadline", "deadline", booked.cancelDeadline()));
        }
        apply(new ExamBookingCancelled(bookingId, booked.examDayId(), booked.patientId(),
                cmd.byHospital() ? CancelledBy.HOSPITAL : CancelledBy.PATIENT, cmd.reason(), paymentReference));
        return paymentReference;
    }

    /** Checked in at the desk: a paid booking, on its exam day (Beijing time), once. */
    @CommandHandler
    public ExamBookingSlip handle(CheckInExam cmd) {
        if (status == null) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_FOUND); // another kind of aggregate's id
        }
        switch (status) {
            case CHECKED_IN -> throw new BusinessRuleViolation(ErrorCode.EXAM_ALREADY_CHECKED_IN);
            case PAID -> {
                LocalDate today = LocalDate.ofInstant(GenericEventMessage.clock.instant(), Clocks.HOSPITAL_ZONE);
                if (!today.equals(booked.date())) {
                    throw new BusinessRuleViolation(ErrorCode.EXAM_CHECK_IN_NOT_TODAY, ProblemMessage.of(
                            "exam.check-in-not-today", "date", booked.date().toString()));
                }
                apply(new ExamCheckInRecorded(bookingId, booked.examDayId(), booked.patientId(), cmd.operator()));
                return slip();
            }
            default -> throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_CHECKABLE);
        }
    }

    @EventSourcingHandler
    void on(ExamBooked event) {
        bookingId = event.bookingId();
        booked = event;
        status = Status.HELD;
    }

    @EventSourcingHandler
    void on(ExamBookingExpired event) {
        status = Status.EXPIRED;
    }

    @EventSourcingHandler
    void on(ExamBookingPaid event) {
        status = Status.PAID;
        paymentReference = event.outTradeNo();
    }

    @EventSourcingHandler
    void on(ExamCheckInRecorded event) {
        status = Status.CHECKED_IN;
    }

    @EventSourcingHandler
    void on(ExamBookingCancelled event) {
        status = Status.CANCELLED;
    }

    /** The success page's data, as booked. */
    ExamBookingSlip slip() {
        return new ExamBookingSlip(bookingId, booked.bookingNumber(), booked.patientId(), booked.packageId(),
                booked.packageName(), booked.date(), booked.checkInTime(), booked.checkInPlace(), booked.notes(),
                booked.priceFen(), status.name(), status == Status.HELD ? booked.payBy() : null);
    }
}
