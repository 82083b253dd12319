package com.yihuiliao.command.gate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Remaining-slot counters in Redis, so that a release-time crowd is mostly refused without
 * touching the event store. Fast, never the truth: the Schedule aggregate decides every booking
 * the gate lets through. The gate can only be wrong on the generous side after a crash or a
 * missed update (the aggregate then refuses), and it resets itself from the aggregate's answers.
 * When Redis is down every attempt goes to the aggregate: slower, never wrong.
 *
 * <p>Each schedule is a hash {@code gate:schedule:<id>} with {@code remaining} (tokens) and
 * {@code seq} (the schedule's last event sequence reflected by a non-booking change).
 */
@Component
public class AdmissionGate {

    public enum Admission {
        /** A token was taken: hand it back if the booking does not happen. */
        ADMITTED,
        /** The gate knows the schedule is full. */
        FULL,
        /** The gate knows nothing (cold, or Redis unreachable): let the aggregate decide. */
        UNKNOWN
    }

    private static final Logger log = LoggerFactory.getLogger(AdmissionGate.class);
    private static final Duration KEY_TTL = Duration.ofDays(120);
    private static final long BACKOFF_MILLIS = 2_000;

    private static final RedisScript<Long> ADMIT = new DefaultRedisScript<>("""
            local r = redis.call('HGET', KEYS[1], 'remaining')
            if not r then return -1 end
            if tonumber(r) <= 0 then return 0 end
            redis.call('HINCRBY', KEYS[1], 'remaining', -1)
            return 1
            """, Long.class);

    /** Seeds a cold gate from the aggregate's own answer; a warm gate is left alone. */
    private static final RedisScript<Long> SEED = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'remaining', ARGV[1], 'seq', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """, Long.class);

    /**
     * Applies a change event once: only if its sequence is newer than what the gate reflects. Never
     * below zero: a reduction that reaches the gate after a booking already found the schedule full
     * (and {@link #markFull} set 0) is in that 0 already, and counting it again would keep the gate
     * shut when slots are released later.
     */
    private static final RedisScript<Long> APPLY = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '-1')
            if tonumber(ARGV[2]) <= seq then return 0 end
            local r = tonumber(redis.call('HGET', KEYS[1], 'remaining') or '0') + tonumber(ARGV[1])
            if r < 0 then r = 0 end
            redis.call('HSET', KEYS[1], 'remaining', r, 'seq', ARGV[2])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final AtomicLong downUntil = new AtomicLong();

    AdmissionGate(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public Admission admit(String scheduleId) {
        Long answer = run(ADMIT, scheduleId);
        if (answer == null || answer < 0) {
            return Admission.UNKNOWN;
        }
        return answer == 1 ? Admission.ADMITTED : Admission.FULL;
    }

    /** The booking did not happen for a reason other than a full schedule: the token goes back. */
    public void giveBack(String scheduleId) {
        run(APPLY_TOKEN_BACK, scheduleId);
    }

    private static final RedisScript<Long> APPLY_TOKEN_BACK = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            return redis.call('HINCRBY', KEYS[1], 'remaining', 1)
            """, Long.class);

    /** The aggregate said full: close the gate until a release or more capacity reopens it. */
    public void markFull(String scheduleId) {
        run(MARK_FULL, scheduleId);
    }

    private static final RedisScript<Long> MARK_FULL = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], 'remaining', 0)
            return 1
            """, Long.class);

    public void seed(String scheduleId, int remaining, long scheduleVersion) {
        run(SEED, scheduleId, String.valueOf(remaining), String.valueOf(scheduleVersion),
                String.valueOf(KEY_TTL.toMillis()));
    }

    void adjust(String scheduleId, int delta, long eventSequence) {
        run(APPLY, scheduleId, String.valueOf(delta), String.valueOf(eventSequence));
    }

    void forget(String scheduleId) {
        run(FORGET, scheduleId);
    }

    private static final RedisScript<Long> FORGET = new DefaultRedisScript<>(
            "return redis.call('DEL', KEYS[1])", Long.class);

    private Long run(RedisScript<Long> script, String scheduleId, String... args) {
        if (System.currentTimeMillis() < downUntil.get()) {
            return null;
        }
        try {
            return redis.execute(script, List.of("gate:schedule:" + scheduleId), (Object[]) args);
        } catch (RuntimeException e) {
            // Redis is a speed-up: when it fails, skip it for a moment instead of waiting on it per request
            downUntil.set(System.currentTimeMillis() + BACKOFF_MILLIS);
            log.warn("Admission gate unavailable, booking goes straight to the schedule for {} ms: {}",
                    BACKOFF_MILLIS, e.toString());
            return null;
        }
    }
}
