package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application processes on one database book the same schedule at once. The second process
 * is a command-only node in its own JVM, and without Redis, so every one of its attempts reaches
 * the schedule aggregate and collides with this process's appends: capacity still holds.
 */
class TwoProcessBookingIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    private AppProcess other;

    @AfterEach
    void stopOther() throws InterruptedException {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void twoProcessesNeverBookMoreThanTheCapacity() throws Exception {
        assumeTrue(TestEnvironment.MARIADB, "needs a database two processes can share: run with -Dyihuiliao.test.db=mariadb");
        Map<String, String> settings = new LinkedHashMap<>(Map.of("yihuiliao.node.role", "command",
                "yihuiliao.redis.embedded", "false", "spring.data.redis.port", String.valueOf(AppProcess.freePort())));
        DATABASE.forEach((key, value) -> {
            if (key.startsWith("spring.datasource") || key.startsWith("yihuiliao.security") || key.equals("yihuiliao.demo-data")) {
                settings.put(key, value);
            }
        });
        other = AppProcess.start(Files.createTempDirectory("yhl-node2"), "node2.log", settings).awaitUp();

        Api here = new Api(port);
        Api there = other.api();
        Api admin = here.admin();
        String scheduleId = admin.openSchedule(30, 3000);
        List<Api.Patient> patients = ConcurrentBookingIT.patients(here, 300);
        Map<String, Long> outcome = ConcurrentBookingIT.race(300, i -> {
            Api.Patient patient = patients.get(i);
            Api node = i % 2 == 0 ? patient.api() : there.withToken(patient.api().token());
            return node.book(scheduleId, patient.patientId());
        });

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, scheduleId, com.yihuiliao.api.schedule.SlotHeld.class.getName()))
                .as("holds in the event store; answers were " + outcome).isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ? AND payload LIKE ?",
                Long.class, com.yihuiliao.api.appointment.AppointmentBooked.class.getName(), "%" + scheduleId + "%"))
                .as("appointments opened; answers were " + outcome).isEqualTo(30);
        ConcurrentBookingIT.assertExactlyBooked(outcome, 30, 300);
    }
}
