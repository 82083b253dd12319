package com.yihuiliao.command.appointment;

import com.yihuiliao.api.appointment.AppointmentBookedResult;
import com.yihuiliao.api.appointment.BookAppointment;
import com.yihuiliao.command.schedule.Schedule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A booking touches two aggregates in one unit of work: the schedule holds the slot, the
 * per-day limit is taken, and the appointment is opened — all of it commits, or none.
 */
@Component
class BookingHandler {

    private final Bookings bookings;
    private final Repository<Appointment> appointments;
    private final EventStore eventStore;

    BookingHandler(Bookings bookings, @Qualifier("appointmentRepository") Repository<Appointment> appointments,
                   EventStore eventStore) {
        this.bookings = bookings;
        this.appointments = appointments;
        this.eventStore = eventStore;
    }

    @CommandHandler
    public AppointmentBookedResult handle(BookAppointment cmd) throws Exception {
        Aggregate<Schedule> schedule = bookings.loadSchedule(cmd.scheduleId());
        AppointmentBookedResult existing = existingBooking(cmd);
        if (existing != null) {
            return existing;
        }
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
