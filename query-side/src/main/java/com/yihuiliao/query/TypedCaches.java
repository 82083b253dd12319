package com.yihuiliao.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.serializer.Jackson2JsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * The query side's Redis caches store JSON, each with its one declared type: the JDK serializer cannot write
 * records, and JSON with type names taken from the stored value would let whoever can write to Redis choose the
 * classes we instantiate. The mapper is our own, so web or Axon JSON settings never change what is cached;
 * unknown properties are ignored so an entry written by an older node still reads.
 */
public final class TypedCaches {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TypedCaches() {
    }

    public static com.fasterxml.jackson.databind.type.TypeFactory types() {
        return JSON.getTypeFactory();
    }

    /** Declares {@code cache} as holding JSON of {@code type}; the defaults keep spring.cache.redis.* (TTL, prefix). */
    public static void typed(RedisCacheManager.RedisCacheManagerBuilder builder, String cache, JavaType type) {
        builder.withCacheConfiguration(cache, builder.cacheDefaults()
                .serializeValuesWith(SerializationPair.fromSerializer(new Jackson2JsonRedisSerializer<>(JSON, type))));
    }
}
