package com.yihuiliao.query.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.yihuiliao.api.catalogue.DepartmentSummary;
import com.yihuiliao.api.catalogue.DoctorProfile;
import java.util.List;
import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.serializer.Jackson2JsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * The catalogue caches store JSON, each with its one declared type: the JDK serializer cannot write
 * records, and JSON with type names taken from the stored value would let whoever can write to Redis
 * choose the classes we instantiate. The mapper is our own, so web or Axon JSON settings never change
 * what is cached; unknown properties are ignored so an entry written by an older node still reads.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueCaches {

    @Bean
    RedisCacheManagerBuilderCustomizer catalogueCacheSerializers() {
        ObjectMapper json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        var types = json.getTypeFactory();
        return builder -> {
            typed(builder, CatalogueQueries.DEPARTMENTS, json, types.constructCollectionType(List.class, DepartmentSummary.class));
            typed(builder, CatalogueQueries.DOCTORS, json, types.constructCollectionType(List.class, DoctorProfile.class));
            typed(builder, CatalogueQueries.DOCTOR, json, types.constructType(DoctorProfile.class));
        };
    }

    private static void typed(RedisCacheManager.RedisCacheManagerBuilder builder, String cache, ObjectMapper json,
                              JavaType type) {
        // the defaults keep spring.cache.redis.* (time-to-live, key prefix)
        builder.withCacheConfiguration(cache, builder.cacheDefaults()
                .serializeValuesWith(SerializationPair.fromSerializer(new Jackson2JsonRedisSerializer<>(json, type))));
    }
}
