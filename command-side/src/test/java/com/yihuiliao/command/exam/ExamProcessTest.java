package com.yihuiliao.command.exam;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.exam.ExamBookingCancelled;
import com.yihuiliao.api.exam.ExamBookingExpired;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

/** Given an exam booking's end, then the command the exam process sends. */
class ExamProcessTest {

    @Test
    void anExpiredBookingGivesItsPlaceBack() {
        List<Object> sent = new ArrayList<>();
        CommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(ReleaseExamPlace.class.getName(), (CommandMessage<?> command) -> {
            sent.add(command.getPayload());
            return null;
        });
        new ExamProcess(DefaultCommandGateway.builder().commandBus(bus).build())
                .on(new ExamBookingExpired("b1", "examday:pkg-1:2026-12-10", "p1"));
        assertThat(sent).containsExactly(new ReleaseExamPlace("examday:pkg-1:2026-12-10", "b1"));
    }

    @Test
    void aCancelledBookingGivesItsPlaceBack() {
        List<Object> sent = new ArrayList<>();
        CommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(ReleaseExamPlace.class.getName(), (CommandMessage<?> command) -> {
            sent.add(command.getPayload());
            return null;
        });
        new ExamProcess(DefaultCommandGateway.builder().commandBus(bus).build())
                .on(new ExamBookingCancelled("b1", "examday:pkg-1:2026-12-10", "p1", CancelledBy.PATIENT, null, null));
        assertThat(sent).containsExactly(new ReleaseExamPlace("examday:pkg-1:2026-12-10", "b1"));
    }
}
