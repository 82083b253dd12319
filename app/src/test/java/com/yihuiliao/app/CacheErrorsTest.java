package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.data.redis.serializer.SerializationException;

/** A cache that fails is skipped, and counted: the failure shows in the metrics, not only in a log line. */
class CacheErrorsTest {

    @Test
    void everyFailedCacheOperationIsCountedByCacheAndOperation() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CacheErrorHandler errors = new CacheErrors(() -> meters);
        ConcurrentMapCache doctor = new ConcurrentMapCache("doctor");

        errors.handleCachePutError(new SerializationException("cannot serialize"), doctor, "d1", "value");
        errors.handleCachePutError(new SerializationException("cannot serialize"), doctor, "d2", "value");
        errors.handleCacheGetError(new IllegalStateException("redis down"), doctor, "d1");
        errors.handleCacheEvictError(new IllegalStateException("redis down"), doctor, "d1");
        errors.handleCacheClearError(new IllegalStateException("redis down"), doctor);

        assertThat(count(meters, "doctor", "put")).isEqualTo(2);
        assertThat(count(meters, "doctor", "get")).isEqualTo(1);
        assertThat(count(meters, "doctor", "evict")).isEqualTo(1);
        assertThat(count(meters, "doctor", "clear")).isEqualTo(1);
        assertThat(meters.get(CacheErrors.METRIC).tag("exception", "SerializationException").counter().count())
                .isEqualTo(2);
    }

    private static double count(SimpleMeterRegistry meters, String cache, String operation) {
        return meters.get(CacheErrors.METRIC).tag("cache", cache).tag("operation", operation).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
