package com.yihuiliao.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.core.NestedExceptionUtils;

/**
 * Caches are a speed-up: when one fails, the read goes to the read model instead of failing. The
 * failure is still seen: counted in {@value #METRIC} (tags cache, operation, exception) and logged
 * at WARN with its cause; the stack trace at most once per {@link #TRACE_EVERY} per cache and
 * operation, so a Redis outage does not bury the log.
 */
final class CacheErrors implements CacheErrorHandler {

    static final String METRIC = "yihuiliao.cache.errors";
    static final Duration TRACE_EVERY = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(CacheErrors.class);

    /** Looked up at the first failure: the cache infrastructure is built before the meter registry. */
    private final Supplier<MeterRegistry> meters;
    private final Map<String, Long> lastTraceAt = new ConcurrentHashMap<>();

    CacheErrors(Supplier<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Override
    public void handleCacheGetError(RuntimeException e, Cache cache, Object key) {
        failed("get", cache, e, "read from the read model instead");
    }

    @Override
    public void handleCachePutError(RuntimeException e, Cache cache, Object key, Object value) {
        failed("put", cache, e, "not cached");
    }

    @Override
    public void handleCacheEvictError(RuntimeException e, Cache cache, Object key) {
        failed("evict", cache, e, "a stale entry may live until its time-to-live");
    }

    @Override
    public void handleCacheClearError(RuntimeException e, Cache cache) {
        failed("clear", cache, e, "stale entries may live until their time-to-live");
    }

    private void failed(String operation, Cache cache, RuntimeException e, String consequence) {
        MeterRegistry registry = meters.get();
        if (registry != null) {
            Counter.builder(METRIC)
                    .description("Cache operations that failed and were skipped")
                    .tag("cache", cache.getName())
                    .tag("operation", operation)
                    .tag("exception", e.getClass().getSimpleName())
                    .register(registry)
                    .increment();
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        String cause = root == e ? e.toString() : e + " (cause: " + root + ")";
        long now = System.nanoTime();
        String which = cache.getName() + "/" + operation;
        Long last = lastTraceAt.get(which);
        if (last == null || now - last >= TRACE_EVERY.toNanos()) {
            lastTraceAt.put(which, now);
            log.warn("Cache {} failed on {}, {}: {}", cache.getName(), operation, consequence, cause, e);
        } else {
            log.warn("Cache {} failed on {}, {}: {}", cache.getName(), operation, consequence, cause);
        }
    }
}
