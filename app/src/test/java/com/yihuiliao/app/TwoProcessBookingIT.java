package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application processes on one database book the same schedule at once. The second process
 * is a command-only node in its own JVM, and without Redis, so every one of its attempts reaches
 * the schedule aggregate and collides with this process's appends: capacity still holds. The
 * collisions are retried, counted and logged as what they are, never as errors.
 */
@ExtendWith(OutputCaptureExtension.class)
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
    void twoProcessesNeverBookMoreThanTheCapacity(CapturedOutput output) throws Exception {
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
        // a collision for certain: the second node caches a schedule, this node then appends to it, and the
        // second node's next booking meets a stale aggregate; it is retried and succeeds
        String collided = admin.openSchedule(3, 3000);
        List<Api.Patient> three = ConcurrentBookingIT.patients(here, 3);
        Api.expect(there.withToken(three.get(0).api().token()).book(collided, three.get(0).patientId()), 201);
        Api.expect(three.get(1).book(collided), 201);
        Api.expect(there.withToken(three.get(2).api().token()).book(collided, three.get(2).patientId()), 201);

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

        List<String> otherLog = Files.readAllLines(other.log);
        assertThat(otherLog).as("the second node's log").anyMatch(line -> line.contains(" INFO ")
                && line.contains("BookAppointment collided with a concurrent write to the same aggregate; retry 1"));
        assertThat(otherLog).as("the second node's log").noneMatch(line -> line.contains(" ERROR "));
        assertThat(output.getAll().lines()).as("this node's log")
                .noneMatch(line -> line.contains(" ERROR ") && line.contains("uk_domain_event_aggregate_seq"));
    }
}
