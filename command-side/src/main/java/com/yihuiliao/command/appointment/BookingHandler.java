package com.yihuiliao.command.appointment;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.AppointmentBookedResult;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.BookAppointment;
import com.yihuiliao.api.schedule.SlotHeld;
import com.yihuiliao.command.schedule.HoldSlot;
import com.yihuiliao.command.schedule.Schedule;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
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
 * A booking touches two aggregates in one unit of work: the schedule holds the slot, the
 * per-day limit is taken, and the appointment is opened — all of it commits, or none.
 */
@Component
class BookingHandler {

    private final Repository<Schedule> schedules;
    private final Repository<Appointment> appointments;
    private final DailyBookingLimit dailyLimit;
    private final DeadlineManager deadlines;
    private final BookingSettings settings;
    private final EventStore eventStore;

    BookingHandler(@Qualifier("scheduleRepository") Repository<Schedule> schedules,
                   @Qualifier("appointmentRepository") Repository<Appointment> appointments,
                   DailyBookingLimit dailyLimit, DeadlineManager deadlines, BookingSettings settings,
                   EventStore eventStore) {
        this.eventStore = eventStore;
        this.schedules = schedules;
        this.appointments = appointments;
        this.dailyLimit = dailyLimit;
        this.deadlines = deadlines;
        this.settings = settings;
    }

    @CommandHandler
    public AppointmentBookedResult handle(BookAppointment cmd) throws Exception {
        Aggregate<Schedule> schedule = loadSchedule(cmd.scheduleId());
        AppointmentBookedResult existing = existingBooking(cmd);
        if (existing != null) {
            return existing;
        }
        return book(schedule, cmd.appointmentId(), cmd.patientId(), false).result();
    }

    record Booked(AppointmentBookedResult result, Aggregate<Appointment> appointment) {
    }

    /**
     * The booking itself, for every way in (the mini-program, the counter), inside the caller's unit of
     * work: the schedule (already loaded, so locked) holds the slot, the daily limit is taken, the
     * appointment is opened.
     */
    Booked book(Aggregate<Schedule> schedule, String appointmentId, String patientId, boolean atCounter)
            throws Exception {
        String scheduleId = schedule.identifierAsString();
        SlotHeld held = (SlotHeld) schedule.handle(GenericCommandMessage.asCommandMessage(
                new HoldSlot(scheduleId, appointmentId, patientId, atCounter)));
        dailyLimit.take(patientId, held.date(), settings.dailyLimit());
        Instant holdExpiresAt = GenericEventMessage.clock.instant().plus(settings.paymentTimeout());
        Aggregate<Appointment> appointment = appointments.newInstance(() -> new Appointment(
                new OpenAppointment(appointmentId, patientId, scheduleId, held.doctorId(),
                        held.departmentId(), held.date(), held.period(), held.feeFen(), held.cancelUntil(),
                        holdExpiresAt), deadlines));
        AppointmentStatus status = appointment.invoke(Appointment::status);
        return new Booked(new AppointmentBookedResult(appointmentId, status,
                status == AppointmentStatus.HELD ? holdExpiresAt : null, held.remaining(), schedule.version()),
                appointment);
    }

    Aggregate<Schedule> loadSchedule(String scheduleId) {
        try {
            return schedules.load(scheduleId);
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_NOT_FOUND);
        }
    }

    /** A client retrying with the same request id gets the first answer, not a second booking. */
    private AppointmentBookedResult existingBooking(BookAppointment cmd) {
        if (!cmd.mayRepeat() || eventStore.lastSequenceNumberFor(cmd.appointmentId()).isEmpty()) {
            return null;
        }
        Aggregate<Appointment> appointment = appointments.load(cmd.appointmentId());
        return new AppointmentBookedResult(cmd.appointmentId(), appointment.invoke(Appointment::status), null, -1, -1);
    }
}
