package com.yihuiliao.app;

import java.util.Map;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context the HTTP integration tests share (so Spring caches it): the whole
 * system on a fresh database. Holds last the default 15 minutes here, so no race is muddled by
 * expiries; {@link DeadlineAfterRestartIT} watches expiry with a short timeout. Metrics are exported
 * as in production (Spring Boot turns export off in tests), so /actuator/prometheus can be tested.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yihuiliao.booking.payment-timeout=15m",
        "yihuiliao.booking.daily-limit=3",
        // the tests of the daily limit book one department's doctors; FairnessIT checks these limits
        "yihuiliao.booking.department-daily-limit=3",
        "yihuiliao.booking.doctor-daily-limit=3",
        "yihuiliao.notifications.attempts=3",
        "yihuiliao.notifications.first-retry=1s",
        // exam bookings may be cancelled until 17:00 two days before: tomorrow's exam is past its deadline
        "yihuiliao.exam.cancel-days-before=2",
        // WeChat Pay's minute between two refunds of one order (the sandbox keeps it), shortened for the tests
        "yihuiliao.wechatpay.sandbox-refund-interval=PT2S",
        "yihuiliao.wechatpay.refund-retry-after=PT2S"})
public abstract class IntegrationTest {

    static final Map<String, String> DATABASE = TestEnvironment.freshDatabase("it");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.forEach((key, value) -> registry.add(key, () -> value));
    }
}
