package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With Redis gone, booking is slower but still exact: the schedule aggregate decides alone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a context no other class shares: closed after the class, so its processors stop polling beside the later tests
@DirtiesContext
class RedisDownBookingIT {

    private static final Map<String, String> DATABASE = TestEnvironment.freshDatabase("noredis");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        DATABASE.forEach((key, value) -> registry.add(key, () -> value));
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort(); // closed again at once: nothing listens there
        }
        int port = deadPort;
        registry.add("yihuiliao.redis.embedded", () -> "false");
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> port);
    }

    @LocalServerPort
    int port;

    @Test
    void threeHundredPatientsRaceForThirtySlotsWithoutRedis() throws Exception {
        Api api = new Api(port);
        Api admin = api.admin();
        assertThat(admin.get("/actuator/health").body().path("components").path("redis").path("status").asText())
                .isEqualTo("DOWN");
        // still ready: the node serves without Redis, so a Redis outage takes no node out of rotation
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        String scheduleId = admin.openSchedule(30, 3000);
        java.util.List<Api.Patient> patients = ConcurrentBookingIT.patients(api, 300);

        Map<String, Long> outcome = ConcurrentBookingIT.race(300, i -> patients.get(i).book(scheduleId));

        ConcurrentBookingIT.assertExactlyBooked(outcome, 30, 300);
        // the catalogue still answers, from the read model, without its cache
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/departments").status() == 200);
        // and the cache's failure is counted, not only logged
        Api.Response errors = admin.get("/actuator/metrics/yihuiliao.cache.errors?tag=cache:departments");
        assertThat(errors.status()).as(errors.body().toString()).isEqualTo(200);
        assertThat(errors.body().path("measurements").path(0).path("value").asDouble()).isPositive();
    }

    /** Finance's cached reports are read from the database while Redis is gone. */
    @Test
    void financeReportsAreReadFromTheDatabaseWithoutRedis() {
        Api admin = new Api(port).admin();
        String departmentId = admin.department();
        String scheduleId = admin.schedule(admin.doctor(departmentId, 3_000),
                java.time.LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE).plusDays(2), "MORNING", 5);
        Api.Patient patient = new Api(port).patient();
        Api.expect(admin.counterTopUp(patient.patientId(), 5_000), 200);
        String appointmentId = Api.expect(patient.book(scheduleId), 201).text("appointmentId");
        Api.expect(patient.payWithBalance(appointmentId), 200);
        java.time.LocalDate today = java.time.LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE);
        String path = "/api/admin/finance/daily-summaries?from=" + today.minusDays(1) + "&to=" + today
                + "&departmentId=" + departmentId;
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response summaries = admin.get(path);
            return summaries.status() == 200 && summaries.body().path("sums").path("grossSumFen").asLong() == 3_000;
        });
        Api.Response again = Api.expect(admin.get(path), 200);
        assertThat(again.body().path("sums").path("recordCount").asLong()).isEqualTo(1);
    }
}
