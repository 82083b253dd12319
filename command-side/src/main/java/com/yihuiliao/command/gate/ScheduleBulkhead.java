package com.yihuiliao.command.gate;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Lets only a few bookings per schedule into the command bus at a time on this node. Commands on
 * one schedule run one after another anyway (the aggregate's lock); without this, every waiting
 * request would hold a database connection while it waits, and a hot schedule with Redis down
 * would drain the pool for everyone. Schedules share a fixed set of stripes, so memory is bounded.
 */
@Component
public class ScheduleBulkhead {

    private static final int STRIPES = 1024;
    private static final int PERMITS_PER_STRIPE = 2;
    private static final long MAX_WAIT_SECONDS = 20;

    private final Semaphore[] stripes = new Semaphore[STRIPES];

    ScheduleBulkhead() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Semaphore(PERMITS_PER_STRIPE, true);
        }
    }

    public <T> T run(String scheduleId, Supplier<T> work) {
        Semaphore stripe = stripes[Math.floorMod(scheduleId.hashCode(), STRIPES)];
        try {
            if (!stripe.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new BusinessRuleViolation(ErrorCode.SERVICE_BUSY,
                        "Too many people are booking this schedule right now; please try again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessRuleViolation(ErrorCode.SERVICE_BUSY);
        }
        try {
            return work.get();
        } finally {
            stripe.release();
        }
    }
}
