package com.yihuiliao.command.exam;

import com.yihuiliao.api.exam.ExamBookingExpired;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** What follows from an exam booking ending: its place goes back to the day. Releasing twice changes nothing. */
@Component
@ProcessingGroup("booking-process") // beside BookingProcess: its commands are idempotent too, and no thread of its own
@DisallowReplay
class ExamProcess {

    private final CommandGateway commands;

    ExamProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ExamBookingExpired event) {
        commands.sendAndWait(new ReleaseExamPlace(event.examDayId(), event.bookingId()));
    }
}
