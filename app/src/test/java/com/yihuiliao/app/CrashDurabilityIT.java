package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Nothing the API acknowledged is lost when the process is killed (kill -9) right after a burst of
 * bookings and balance payments: after the restart every booked appointment exists, every paid one is
 * confirmed with its balance debited, and every unpaid hold, whose expiry fell while the process was
 * down, expires and gives its slot back. On H2 this needs every commit on disk before it is answered.
 * Then a normal stop of the restarted process logs no warning or error.
 * <p>
 * Runs beside the rest of the suite (junit-platform.properties): its application lives in processes of its own and
 * most of its time is their start-up and the holds' expiry, so it shares nothing with the other tests.
 */
@Execution(ExecutionMode.CONCURRENT)
class CrashDurabilityIT {

    private static final int CAPACITY = 40;
    private static final int PATIENTS = 30;
    private static final long FEE_FEN = 3000;

    record Acknowledged(Api.Patient patient, String appointmentId, boolean paid, Instant holdExpiresAt) {
    }

    @Test
    void everyAcknowledgedBookingAndPaymentSurvivesAKill() throws Exception {
        Path dir = Files.createTempDirectory("yhl-crash");
        Map<String, String> settings = settings(dir);
        String scheduleId;
        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AppProcess first = AppProcess.start(dir, "first.log", settings).awaitUp();
        try {
            Api api = first.api();
            Api admin = api.admin();
            scheduleId = admin.openSchedule(CAPACITY, FEE_FEN);
            List<Api.Patient> patients = ConcurrentBookingIT.patients(api, PATIENTS + 1);
            for (int i = 0; i < PATIENTS / 2; i++) {
                Api.expect(admin.counterTopUp(patients.get(i).patientId(), FEE_FEN), 200);
            }
            // the burst: everyone books at once, the first half pays from the balance at once
            String schedule = scheduleId;
            Map<String, Long> outcome = ConcurrentBookingIT.race(PATIENTS, i -> {
                Api.Patient patient = patients.get(i);
                Api.Response booked = patient.book(schedule);
                if (booked.status() != 201) {
                    return booked;
                }
                String appointmentId = booked.text("appointmentId");
                Instant expiresAt = Instant.parse(booked.text("holdExpiresAt"));
                if (i >= PATIENTS / 2) {
                    acknowledged.add(new Acknowledged(patient, appointmentId, false, expiresAt));
                    return booked;
                }
                Api.Response paid = patient.payWithBalance(appointmentId);
                // a booking answered 201 must survive even when its payment was not acknowledged
                acknowledged.add(new Acknowledged(patient, appointmentId, paid.status() == 200, expiresAt));
                return paid;
            });
            assertThat(outcome).as("every booking and payment answered").containsOnlyKeys("200", "201");
            // then, once the burst has settled, one more booking and payment on a quiet system, killed at once
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/schedules/" + schedule).body()
                    .path("remaining").asLong() == CAPACITY - PATIENTS);
            Api.Patient last = patients.get(PATIENTS);
            Api.expect(admin.counterTopUp(last.patientId(), FEE_FEN), 200);
            Api.Response booked = Api.expect(last.book(scheduleId), 201);
            Api.expect(last.payWithBalance(booked.text("appointmentId")), 200);
            acknowledged.add(new Acknowledged(last, booked.text("appointmentId"), true,
                    Instant.parse(booked.text("holdExpiresAt"))));
        } finally {
            first.kill();
        }
        assertThat(acknowledged).hasSize(PATIENTS + 1);
        Instant lastExpiry = acknowledged.stream().filter(booking -> !booking.paid()).map(Acknowledged::holdExpiresAt)
                .max(Instant::compareTo).orElseThrow();
        // the unpaid holds expire while the process is down (the paid ones are confirmed: their expiry is moot)
        await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(lastExpiry.plusSeconds(1)));

        try (AppProcess second = AppProcess.start(dir, "second.log", settings).awaitUp()) {
            Api api = second.api();
            long paid = acknowledged.stream().filter(Acknowledged::paid).count();
            assertThat(paid).isEqualTo(PATIENTS / 2 + 1);
            for (Acknowledged booking : acknowledged) {
                Api patient = api.withToken(booking.patient().api().token());
                String expected = booking.paid() ? "CONFIRMED" : "EXPIRED";
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(patient.get("/api/me/appointments/"
                        + booking.appointmentId()).body().path("appointment").path("status").asText())
                        .as("appointment %s after the restart; see %s", booking.appointmentId(), second.log)
                        .isEqualTo(expected));
                if (booking.paid()) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> patient.outpatientBalanceFen(booking.patient().patientId()) == 0);
                }
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/api/schedules/" + scheduleId)
                    .body().path("remaining").asLong()).isEqualTo(CAPACITY - paid));

            // and a stop (SIGTERM, as Ctrl-C) is clean and quiet: nothing closes under the processors
            second.close();
            List<String> log = Files.readAllLines(second.log);
            List<String> shutdown = log.subList(log.stream().filter(l -> l.contains("Commencing graceful shutdown"))
                    .findFirst().map(log::indexOf).orElseThrow(), log.size());
            assertThat(shutdown).as("the log from the stop on").noneMatch(l -> l.contains(" ERROR ") || l.contains(" WARN "));
        }
    }

    /** The embedded default on a file database in this folder (H2), or a database of its own on MariaDB. */
    private static Map<String, String> settings(Path dir) {
        Map<String, String> settings = new LinkedHashMap<>(TestEnvironment.freshDatabase("crash"));
        if (!TestEnvironment.MARIADB) {
            settings.remove("spring.datasource.url");
            settings.put("yihuiliao.data-dir", dir.resolve("data").toString());
        }
        settings.put("yihuiliao.booking.payment-timeout", "20s");
        return settings;
    }
}
