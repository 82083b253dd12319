package com.yihuiliao.command.exam;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.exam.ExamBooked;
import com.yihuiliao.api.exam.ExamBookingExpired;
import com.yihuiliao.api.exam.ExamBookingSlip;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One patient's exam booking: held → expired (a persistent deadline at {@code payBy}, which gives the place
 * back through ExamProcess). Payment, cancellation and check-in are the next steps of this lifecycle.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ExamBooking {

    static final String PAYMENT_EXPIRY = "exam-payment-expiry";

    /** HELD: awaiting payment; EXPIRED: not paid in time, its place given back. */
    enum Status { HELD, EXPIRED }

    @AggregateIdentifier
    private String bookingId;
    private ExamBooked booked;
    private Status status;

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

    /** The success page's data, as booked. */
    ExamBookingSlip slip() {
        return new ExamBookingSlip(bookingId, booked.bookingNumber(), booked.patientId(), booked.packageId(),
                booked.packageName(), booked.date(), booked.checkInTime(), booked.checkInPlace(), booked.notes(),
                booked.priceFen(), status.name(), status == Status.HELD ? booked.payBy() : null);
    }
}
