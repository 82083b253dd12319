package com.yihuiliao.command.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.CancelAppointmentByHospital;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.schedule.ReleaseReason;
import com.yihuiliao.api.schedule.ReleaseSlot;
import com.yihuiliao.api.schedule.ScheduleSuspended;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given an event, then the commands the booking process sends. */
class BookingProcessTest {

    private final List<Object> sent = new ArrayList<>();
    private BookingProcess process;

    @BeforeEach
    void recordCommands() {
        CommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(ReleaseSlot.class, CancelAppointmentByHospital.class)) {
            bus.subscribe(type.getName(), (CommandMessage<?> command) -> {
                sent.add(command.getPayload());
                return null;
            });
        }
        process = new BookingProcess(DefaultCommandGateway.builder().commandBus(bus).build());
    }

    @Test
    void aCancelledAppointmentReleasesItsSlot() {
        process.on(new AppointmentCancelled("a1", "s1", "p1", CancelledBy.PATIENT, "改期", false));
        assertThat(sent).containsExactly(new ReleaseSlot("s1", "a1", ReleaseReason.CANCELLED));
    }

    @Test
    void anExpiredAppointmentReleasesItsSlot() {
        process.on(new AppointmentExpired("a1", "s1", "p1"));
        assertThat(sent).containsExactly(new ReleaseSlot("s1", "a1", ReleaseReason.EXPIRED));
    }

    @Test
    void aSuspendedScheduleCancelsEveryAppointmentItNamesWithTheReason() {
        process.on(new ScheduleSuspended("s1", "医生外出", List.of("a1", "a2")));
        assertThat(sent).containsExactly(new CancelAppointmentByHospital("a1", "医生外出"),
                new CancelAppointmentByHospital("a2", "医生外出"));
    }

    @Test
    void aSuspendedScheduleWithoutAppointmentsSendsNothing() {
        process.on(new ScheduleSuspended("s1", "医生外出", List.of()));
        assertThat(sent).isEmpty();
    }
}
