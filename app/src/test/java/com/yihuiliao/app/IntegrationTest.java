package com.yihuiliao.app;

import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context the HTTP integration tests share (so Spring caches it): the whole
 * system on a fresh database, with a short payment timeout so expiry can be watched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yihuiliao.booking.payment-timeout=10s",
        "yihuiliao.booking.daily-limit=3"})
public abstract class IntegrationTest {

    static final Map<String, String> DATABASE = TestEnvironment.freshDatabase("it");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.forEach((key, value) -> registry.add(key, () -> value));
    }
}
