package com.yihuiliao.command.exam;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.exam.BookExam;
import com.yihuiliao.api.exam.ExamBooked;
import com.yihuiliao.api.exam.ExamBookingSlip;
import com.yihuiliao.command.exam.ExamPackages.ExamPackage;
import com.yihuiliao.command.patient.PatientView;
import com.yihuiliao.command.patient.Patients;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import com.yihuiliao.api.exam.CheckInExamBooking;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * An exam booking touches two aggregates in one unit of work, as an appointment's does: the day takes a place
 * (it decides capacity, loaded and so locked first) and the booking is opened — all of it commits, or none.
 */
@Component
class ExamBookingHandler {

    private final Repository<ExamDay> days;
    private final Repository<ExamBooking> bookings;
    private final ExamPackages packages;
    private final Patients patients;
    private final ExamSettings settings;
    private final EventStore eventStore;
    private final DeadlineManager deadlines;

    ExamBookingHandler(@Qualifier("examDayRepository") Repository<ExamDay> days,
                       @Qualifier("examBookingRepository") Repository<ExamBooking> bookings, ExamPackages packages,
                       Patients patients, ExamSettings settings, EventStore eventStore,
                       DeadlineManager deadlines) {
        this.days = days;
        this.bookings = bookings;
        this.packages = packages;
        this.patients = patients;
        this.settings = settings;
        this.eventStore = eventStore;
        this.deadlines = deadlines;
    }

    @CommandHandler
    public ExamBookingSlip handle(BookExam cmd) throws Exception {
        ExamPackage pkg = packages.offered(cmd.packageId());
        checkSuits(pkg, patients.view(cmd.patientId()), cmd.date());
        Aggregate<ExamDay> day = loadDay(ExamDay.idOf(pkg.packageId(), cmd.date()));
        if (cmd.mayRepeat() && eventStore.lastSequenceNumberFor(cmd.bookingId()).isPresent()) {
            return bookings.load(cmd.bookingId()).invoke(ExamBooking::slip); // a retried request: the first answer
        }
        day.handle(GenericCommandMessage.asCommandMessage(
                new TakeExamPlace(day.identifierAsString(), cmd.bookingId(), cmd.patientId())));
        Instant payBy = GenericEventMessage.clock.instant().plus(settings.paymentTimeout());
        ExamBooked booked = new ExamBooked(cmd.bookingId(), bookingNumber(cmd.bookingId(), cmd.date()),
                day.identifierAsString(), cmd.patientId(), pkg.packageId(), pkg.name(), cmd.date(), pkg.priceFen(),
                settings.checkInTime(), settings.checkInPlace(), pkg.notes(), payBy, settings.cancelUntil(cmd.date()));
        return bookings.newInstance(() -> new ExamBooking(new OpenExamBooking(booked), deadlines))
                .invoke(ExamBooking::slip);
    }

    /**
     * Sex and age (on the exam date) as the patient's document or newborn record gives them. A document that
     * carries neither (a passport) leaves that part unchecked: the centre checks it at the desk.
     */
    static void checkSuits(ExamPackage pkg, PatientView patient, LocalDate examDate) {
        if (pkg.sex() != null && patient.sex() != null && pkg.sex() != patient.sex()) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_PACKAGE_NOT_SUITABLE,
                    "This package is for " + pkg.sex().name().toLowerCase() + " patients only.");
        }
        if (patient.birthDate() != null) {
            int age = Period.between(patient.birthDate(), examDate).getYears();
            if (age < pkg.minAge() || age > pkg.maxAge()) {
                throw new BusinessRuleViolation(ErrorCode.EXAM_PACKAGE_NOT_SUITABLE, "This package suits ages "
                        + pkg.minAge() + " to " + pkg.maxAge() + "; the patient will be " + age + ".");
            }
        }
    }

    /** TJ, the exam date and ten characters that follow from the booking id, so a retry shows the same number. */
    static String bookingNumber(String bookingId, LocalDate date) {
        String digits = UUID.nameUUIDFromBytes(bookingId.getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "").substring(0, 10).toUpperCase();
        return "TJ" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + digits;
    }

    /** The desk's check-in; an unknown booking is refused as one, before the booking decides. */
    @CommandHandler
    public ExamBookingSlip handle(CheckInExamBooking cmd) throws Exception {
        Aggregate<ExamBooking> booking;
        try {
            booking = bookings.load(cmd.bookingId());
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_FOUND);
        }
        return (ExamBookingSlip) booking.handle(GenericCommandMessage.asCommandMessage(
                new CheckInExam(cmd.bookingId(), cmd.operator())));
    }

    private Aggregate<ExamDay> loadDay(String examDayId) {
        try {
            return days.load(examDayId);
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_DAY_NOT_OPEN, "This package has no exams on that date.");
        }
    }
}
