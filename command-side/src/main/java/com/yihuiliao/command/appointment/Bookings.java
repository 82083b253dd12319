package com.yihuiliao.command.appointment;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.AppointmentBookedResult;
import com.yihuiliao.api.schedule.SlotHeld;
import com.yihuiliao.command.schedule.HoldSlot;
import com.yihuiliao.command.schedule.Schedule;
import java.time.Instant;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The booking itself, one step for every way in (the mini-program's {@link BookingHandler}, the counter's
 * walk-in in the money room), inside the caller's unit of work. A library, not a handler.
 */
@Component
public class Bookings {

    private final Repository<Schedule> schedules;
    private final Repository<Appointment> appointments;
    private final DailyBookingLimit dailyLimit;
    private final DeadlineManager deadlines;
    private final BookingSettings settings;

    Bookings(@Qualifier("scheduleRepository") Repository<Schedule> schedules,
             @Qualifier("appointmentRepository") Repository<Appointment> appointments,
             DailyBookingLimit dailyLimit, DeadlineManager deadlines, BookingSettings settings) {
        this.schedules = schedules;
        this.appointments = appointments;
        this.dailyLimit = dailyLimit;
        this.deadlines = deadlines;
        this.settings = settings;
    }

    /** What a booking made: the caller's answer, the appointment (taken in this unit of work) and its fee. */
    public record Booked(AppointmentBookedResult result, Aggregate<Appointment> appointment, long feeFen) {
    }

    /**
     * The schedule (already loaded, so locked) holds the slot, the daily limits (the day's, the department's and
     * the doctor's) are taken, the appointment is opened.
     */
    public Booked book(Aggregate<Schedule> schedule, String appointmentId, String patientId, boolean atCounter)
            throws Exception {
        String scheduleId = schedule.identifierAsString();
        SlotHeld held = (SlotHeld) schedule.handle(GenericCommandMessage.asCommandMessage(
                new HoldSlot(scheduleId, appointmentId, patientId, atCounter)));
        dailyLimit.take(patientId, held.date(), settings.dailyLimit());
        dailyLimit.takeScoped(patientId, held.date(), held.departmentId(), held.doctorId(),
                settings.departmentDailyLimit(), settings.doctorDailyLimit());
        Instant holdExpiresAt = GenericEventMessage.clock.instant().plus(settings.paymentTimeout());
        Aggregate<Appointment> appointment = appointments.newInstance(() -> new Appointment(
                new OpenAppointment(appointmentId, patientId, scheduleId, held.doctorId(),
                        held.departmentId(), held.date(), held.period(), held.feeFen(), held.cancelUntil(),
                        holdExpiresAt), deadlines));
        AppointmentStatus status = appointment.invoke(Appointment::status);
        return new Booked(new AppointmentBookedResult(appointmentId, status,
                status == AppointmentStatus.HELD ? holdExpiresAt : null, held.remaining(), schedule.version()),
                appointment, held.feeFen());
    }

    public Aggregate<Schedule> loadSchedule(String scheduleId) {
        try {
            return schedules.load(scheduleId);
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_NOT_FOUND);
        }
    }
}
