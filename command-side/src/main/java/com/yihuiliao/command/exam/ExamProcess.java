package com.yihuiliao.command.exam;

import com.yihuiliao.api.exam.ExamBookingCancelled;
import com.yihuiliao.api.exam.ExamBookingExpired;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What follows from an exam booking ending (expired, cancelled): its place goes back to the day. Releasing twice
 * changes nothing. A cancellation's refund is made in the cancellation's own unit of work (the money room).
 */
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

    @EventHandler
    void on(ExamBookingCancelled event) {
        commands.sendAndWait(new ReleaseExamPlace(event.examDayId(), event.bookingId()));
    }
}
