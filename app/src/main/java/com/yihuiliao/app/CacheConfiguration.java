package com.yihuiliao.app;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Configuration;

/**
 * Caches are a speed-up: when Redis fails, reads go to the read model instead of failing, and the
 * failure is counted and logged ({@link CacheErrors}). Each cache's serializer is declared where the
 * cache is used (e.g. {@code query.catalogue.CatalogueCaches}).
 */
@Configuration
class CacheConfiguration implements CachingConfigurer {

    private final ObjectProvider<MeterRegistry> meters;

    CacheConfiguration(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Override
    public CacheErrorHandler errorHandler() {
        return new CacheErrors(meters::getIfAvailable);
    }
}
