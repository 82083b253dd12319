package com.yihuiliao.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two nodes (or a cached stale aggregate) appending to one aggregate collide on the event table's
 * unique key; the command is retried and then succeeds. That is normal under load, so it is logged
 * as what it is (INFO) and counted in {@code yihuiliao.command.collisions}, tagged by command and
 * outcome; only a collision that outlives its retries is a warning.
 */
final class CollisionRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(CollisionRetryScheduler.class);

    private final RetryScheduler delegate;
    private final MeterRegistry meters;

    CollisionRetryScheduler(RetryScheduler delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    @SuppressWarnings("rawtypes") // Axon's interface takes the raw type
    public boolean scheduleRetry(CommandMessage command, RuntimeException failure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatch) {
        boolean retried = delegate.scheduleRetry(command, failure, failures, dispatch);
        if (isCollision(failure)) {
            String name = command.getPayloadType().getSimpleName();
            meters.counter("yihuiliao.command.collisions", "command", name, "outcome", retried ? "retried" : "gave-up")
                    .increment();
            if (retried) {
                log.info("{} collided with a concurrent write to the same aggregate; retry {}", name, failures.size());
            } else {
                log.warn("{} still collided after {} attempts; the caller is told to try again", name, failures.size());
            }
        }
        return retried;
    }

    static boolean isCollision(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
