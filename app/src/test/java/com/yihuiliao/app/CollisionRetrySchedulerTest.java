package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.command.schedule.HoldSlot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class CollisionRetrySchedulerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Runnable> scheduled = new ArrayList<>();

    @Test
    void aCollisionIsRetriedAndCountedAnythingElseIsNotCounted() {
        CollisionRetryScheduler scheduler = new CollisionRetryScheduler(
                (command, failure, failures, dispatch) -> scheduled.add(dispatch), meters);
        var command = GenericCommandMessage.asCommandMessage(new HoldSlot("s1", "a1", "p1"));

        boolean retried = scheduler.scheduleRetry(command,
                new RuntimeException("append failed", new ConcurrencyException("uk_domain_event_aggregate_seq")),
                List.of(), () -> { });
        scheduler.scheduleRetry(command, new IllegalStateException("not a collision"), List.of(), () -> { });

        assertThat(retried).isTrue();
        assertThat(scheduled).hasSize(2);
        assertThat(meters.counter("yihuiliao.command.collisions", "command", "HoldSlot", "outcome", "retried").count())
                .isEqualTo(1);
        assertThat(meters.find("yihuiliao.command.collisions").counters()).hasSize(1);
    }

    @Test
    void aCollisionThatOutlivesItsRetriesIsCountedAsGivenUp() {
        CollisionRetryScheduler scheduler = new CollisionRetryScheduler((command, failure, failures, dispatch) -> false, meters);

        scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage(new HoldSlot("s1", "a1", "p1")),
                new ConcurrencyException("still colliding"), List.of(), () -> { });

        assertThat(meters.counter("yihuiliao.command.collisions", "command", "HoldSlot", "outcome", "gave-up").count())
                .isEqualTo(1);
    }
}
