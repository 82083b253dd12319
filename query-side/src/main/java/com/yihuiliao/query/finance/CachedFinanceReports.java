package com.yihuiliao.query.finance;

import com.yihuiliao.api.finance.DailySummary;
import com.yihuiliao.api.finance.FindDailySummaries;
import com.yihuiliao.query.Reads;
import com.yihuiliao.query.TypedCaches;
import java.util.List;
import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The hot finance reads, cached in Redis (shared by every query node) under their query and the version of the
 * dates they read ({@link FinanceReportVersions}): a change of those dates makes a new key, so nothing is served
 * stale and nothing needs evicting (old keys expire by the cache's time-to-live). Department names are joined in:
 * a renamed department clears the cache ({@code CatalogueCacheEviction}). Redis down: read from the database
 * ({@code CacheErrors}).
 */
@Component
public class CachedFinanceReports {

    public static final String DAILY_SUMMARIES = "finance-daily-summaries";

    private final Reads reads;

    CachedFinanceReports(Reads reads) {
        this.reads = reads;
    }

    @Cacheable(value = DAILY_SUMMARIES, key = "#query.toString() + '@' + #version")
    public List<DailySummary> dailySummaries(FindDailySummaries query, long version) {
        return reads.all(query, DailySummary.class);
    }

    @Bean
    static RedisCacheManagerBuilderCustomizer financeReportCacheSerializers() {
        return builder -> TypedCaches.typed(builder, DAILY_SUMMARIES,
                TypedCaches.types().constructCollectionType(List.class, DailySummary.class));
    }
}
