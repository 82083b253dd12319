package com.yihuiliao.query.catalogue;

import com.yihuiliao.api.catalogue.DepartmentSummary;
import com.yihuiliao.api.catalogue.DoctorProfile;
import com.yihuiliao.query.TypedCaches;
import java.util.List;
import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue caches, each with its one declared type ({@link TypedCaches}). */
@Configuration(proxyBeanMethods = false)
class CatalogueCaches {

    @Bean
    RedisCacheManagerBuilderCustomizer catalogueCacheSerializers() {
        var types = TypedCaches.types();
        return builder -> {
            TypedCaches.typed(builder, CatalogueQueries.DEPARTMENTS, types.constructCollectionType(List.class, DepartmentSummary.class));
            TypedCaches.typed(builder, CatalogueQueries.DOCTORS, types.constructCollectionType(List.class, DoctorProfile.class));
            TypedCaches.typed(builder, CatalogueQueries.DOCTOR, types.constructType(DoctorProfile.class));
        };
    }
}
