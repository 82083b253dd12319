package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    private Process other;

    @AfterEach
    void stopOther() throws InterruptedException {
        if (other != null) {
            other.destroy();
            if (!other.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                other.destroyForcibly();
            }
        }
    }

    @Test
    void twoProcessesNeverBookMoreThanTheCapacity() throws Exception {
        assumeTrue(TestEnvironment.MARIADB, "needs a database two processes can share: run with -Dyihuiliao.test.db=mariadb");
        int otherPort = freePort();
        Path workDir = Files.createTempDirectory("yhl-node2");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", testClassPath(), YihuiliaoApplication.class.getName(),
                "--server.port=" + otherPort, "--yihuiliao.node.role=command",
                "--yihuiliao.redis.embedded=false", "--spring.data.redis.port=" + freePort()));
        for (Map.Entry<String, String> setting : DATABASE.entrySet()) {
            if (setting.getKey().startsWith("spring.datasource") || setting.getKey().startsWith("yihuiliao.security")
                    || setting.getKey().equals("yihuiliao.demo-data")) {
                command.add("--" + setting.getKey() + "=" + setting.getValue());
            }
        }
        other = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("node2.log").toFile()).start();

        Api here = new Api(port);
        Api there = new Api(otherPort);
        Api admin = here.admin();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> !other.isAlive() || upAt(there));
        assertThat(other.isAlive()).as("second node started; see " + workDir.resolve("node2.log")).isTrue();

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

    private static boolean upAt(Api api) {
        try {
            return api.get("/actuator/health/readiness").status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
