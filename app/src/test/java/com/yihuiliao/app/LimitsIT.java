package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The login lockout and the rate limits, counted in Redis (the machine's real one on MariaDB runs). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a context no other class shares: closed after the class, so its processors stop polling beside the later tests
@DirtiesContext
class LimitsIT {

    private static final Map<String, String> DATABASE = TestEnvironment.freshDatabase("limits");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("yihuiliao.security.logins-per-minute-per-client", () -> "5");
        registry.add("yihuiliao.security.bookings-per-minute-per-account", () -> "3");
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void fiveFailedLoginsLockAStaffAccount() {
        Api admin = new Api(port).admin();
        String username = Api.unique("locked").replace("-", "_");
        String password = expect(admin.post("/api/admin/staff", "{\"username\":\"" + username
                + "\",\"displayName\":\"x\",\"roles\":[\"AUDITOR\"]}"), 201).text("oneTimePassword");
        Api anonymous = new Api(port);
        String wrong = "{\"username\":\"" + username + "\",\"password\":\"wrong-password-1\"}";
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.post("/api/auth/staff/login", wrong).code()).isEqualTo("BAD_CREDENTIALS");
        }
        Api.Response locked = anonymous.post("/api/auth/staff/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(60L, 15 * 60L);
        assertThat(redis.opsForValue().get("yhl:lockout:" + username.toLowerCase())).isEqualTo("5");

        // the lock lifts when its time is up (here: when its Redis key goes), and a success clears the count
        redis.delete("yhl:lockout:" + username.toLowerCase());
        expect(anonymous.post("/api/auth/staff/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"), 200);
    }

    @Test
    void loginsPerClientAreLimited() {
        redis.delete("yhl:rate:login:203.0.113.7");
        Api client = Api.behindProxy("203.0.113.7", port);
        for (int i = 0; i < 5; i++) {
            expect(client.post("/api/auth/wechat/login", "{\"code\":\"" + Api.unique("limited") + ":1\"}"), 200);
        }
        Api.Response limited = client.post("/api/auth/wechat/login", "{\"code\":\"" + Api.unique("limited") + ":1\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        // another client is not affected
        redis.delete("yhl:rate:login:203.0.113.8");
        expect(Api.behindProxy("203.0.113.8", port).post("/api/auth/wechat/login", "{\"code\":\"" + Api.unique("other") + ":1\"}"), 200);
    }

    @Test
    void bookingAttemptsPerAccountAreLimited() {
        redis.delete("yhl:rate:login:203.0.113.9");
        Api admin = new Api(port).admin();
        String scheduleId = admin.openSchedule(10, 3000);
        Api.Patient patient = Api.behindProxy("203.0.113.9", port).patient();
        for (int i = 0; i < 3; i++) {
            assertThat(patient.book(scheduleId).status()).isIn(201, 409);
        }
        Api.Response limited = patient.book(scheduleId);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }
}
