package com.yihuiliao.command.identity;

import com.yihuiliao.api.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in Redis, shared by every node. When Redis is down the limits are not
 * enforced (logged): availability of booking over strictness of a speed limit.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private static final RedisScript<List> HIT = new DefaultRedisScript<>("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {n, redis.call('PTTL', KEYS[1])}
            """, List.class);

    private final StringRedisTemplate redis;

    RateLimiter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one hit on the key; throws 429 with Retry-After once the window holds more than limit. */
    public void hit(String key, int limit, Duration window, String message) {
        List<?> answer;
        try {
            answer = redis.execute(HIT, List.of("yhl:rate:" + key), String.valueOf(window.toMillis()));
        } catch (RuntimeException e) {
            log.warn("Rate limit {} not enforced, Redis unavailable: {}", key.replaceAll(":.*", ""), e.toString());
            return;
        }
        long count = ((Number) answer.get(0)).longValue();
        if (count > limit) {
            long retryAfterMillis = Math.max(((Number) answer.get(1)).longValue(), 1000);
            throw new TooManyRequests(ErrorCode.TOO_MANY_REQUESTS, message, (retryAfterMillis + 999) / 1000);
        }
    }
}
