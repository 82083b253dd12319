package com.yihuiliao.command.appointment;

import com.yihuiliao.api.appointment.AppointmentBookedResult;
import com.yihuiliao.api.appointment.BookAppointment;
import com.yihuiliao.command.schedule.Schedule;
import com.yihuiliao.command.standing.StandingBans;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A booking touches two aggregates in one unit of work: the schedule holds the slot, the
 * per-day limit is taken, and the appointment is opened — all of it commits, or none. A person banned for missed
 * appointments is refused first (online only: the counter still registers them).
 */
@Component
class BookingHandler {

    private final Bookings bookings;
    private final Repository<Appointment> appointments;
    private final EventStore eventStore;
    private final StandingBans bans;

    BookingHandler(Bookings bookings, @Qualifier("appointmentRepository") Repository<Appointment> appointments,
                   EventStore eventStore, StandingBans bans) {
        this.bookings = bookings;
        this.appointments = appointments;
        this.eventStore = eventStore;
        this.bans = bans;
    }

    @CommandHandler
    public AppointmentBookedResult handle(BookAppointment cmd) throws Exception {
        Aggregate<Schedule> schedule = bookings.loadSchedule(cmd.scheduleId());
        AppointmentBookedResult existing = existingBooking(cmd);
        if (existing != null) {
            return existing;
        }
        bans.refuseIfBanned(cmd.patientId(), GenericEventMessage.clock.instant());
        return bookings.book(schedule, cmd.appointmentId(), cmd.patientId(), false).result();
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
