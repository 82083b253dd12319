package com.yihuiliao.query.catalogue;

import com.yihuiliao.api.catalogue.DepartmentSaved;
import com.yihuiliao.api.catalogue.DoctorSaved;
import com.yihuiliao.query.finance.CachedFinanceReports;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * Evicts the catalogue caches when the catalogue changes. It runs in the catalogue projection's
 * group and evicts after that batch commits, so no reader can cache the old row again.
 */
@Component
@ProcessingGroup("catalogue-view")
class CatalogueCacheEviction {

    private final CacheManager caches;

    CatalogueCacheEviction(CacheManager caches) {
        this.caches = caches;
    }

    @EventHandler
    void on(DepartmentSaved event) {
        // finance's summaries show department names
        evictAfterCommit(CatalogueQueries.DEPARTMENTS, CatalogueQueries.DOCTORS, CatalogueQueries.DOCTOR,
                CachedFinanceReports.DAILY_SUMMARIES);
    }

    @EventHandler
    void on(DoctorSaved event) {
        evictAfterCommit(CatalogueQueries.DOCTORS, CatalogueQueries.DOCTOR);
    }

    /** After the read model's change commits, so no reader can cache the old row again. */
    private void evictAfterCommit(String... names) {
        Runnable evict = () -> {
            for (String name : names) {
                Cache cache = caches.getCache(name);
                if (cache != null) {
                    cache.clear();
                }
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> evict.run());
        } else {
            evict.run();
        }
    }
}
