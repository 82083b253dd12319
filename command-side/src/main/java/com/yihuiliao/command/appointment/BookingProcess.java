package com.yihuiliao.command.appointment;

import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.CancelAppointmentByHospital;
import com.yihuiliao.api.schedule.ReleaseReason;
import com.yihuiliao.api.schedule.ReleaseSlot;
import com.yihuiliao.api.schedule.ScheduleSuspended;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What follows from an appointment ending or a schedule being suspended. Every command it sends
 * is idempotent, so redelivery (a stolen claim, a restart) does no harm.
 */
@Component
@ProcessingGroup("booking-process")
@DisallowReplay
class BookingProcess {

    private final CommandGateway commands;

    BookingProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        commands.sendAndWait(new ReleaseSlot(event.scheduleId(), event.appointmentId(), ReleaseReason.CANCELLED));
    }

    @EventHandler
    void on(AppointmentExpired event) {
        commands.sendAndWait(new ReleaseSlot(event.scheduleId(), event.appointmentId(), ReleaseReason.EXPIRED));
    }

    /** 停诊: every live appointment on the schedule is cancelled with the hospital's reason. */
    @EventHandler
    void on(ScheduleSuspended event) {
        for (String appointmentId : event.appointmentIds()) {
            commands.sendAndWait(new CancelAppointmentByHospital(appointmentId, event.reason()));
        }
    }
}
