package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.schedule.SlotReleased;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Unpaid holds expire through persistent deadlines (db-scheduler), also when the deadline passes
 * while the application is down. A hold that expires is the system's doing (its deadline), on behalf
 * of the patient who booked it.
 */
class DeadlineAfterRestartIT {

    @Test
    void anUnpaidHoldExpiresAndAHoldThatExpiredWhileDownExpiresAfterRestart() {
        Map<String, String> props = new LinkedHashMap<>(TestEnvironment.freshDatabase("restart"));
        props.put("yihuiliao.booking.payment-timeout", "3s");
        props.put("server.port", "0");

        String scheduleId;
        String appointmentId;
        String patientToken;
        Instant expiresAt;
        try (ConfigurableApplicationContext first = start(props)) {
            Api api = new Api(port(first)).admin();
            Api.Patient slowPayer = new Api(port(first)).patient();
            Api.Patient patient = new Api(port(first)).patient();
            // while up: the hold expires, its slot returns, and a late confirmation is refused
            String watched = api.openSchedule(2, 3000);
            String expiring = Api.expect(slowPayer.book(watched), 201).text("appointmentId");
            await().atMost(Duration.ofSeconds(30)).until(() -> "EXPIRED".equals(slowPayer.api().get("/api/me/appointments/"
                    + expiring).body().path("appointment").path("status").asText()));
            assertThat(slowPayer.api().get("/api/me/appointments/" + expiring).body().path("history")
                    .findValuesAsText("status")).containsExactly("HELD", "EXPIRED");
            // its timeline shows the deadline, on behalf of the patient
            Api auditor = api.newStaff("AUDITOR", null);
            String timeline = "/api/admin/timeline/appointment/" + expiring;
            await().atMost(Duration.ofSeconds(30)).until(() -> auditor.get(timeline).body().path("items")
                    .findValuesAsText("type").contains("AppointmentExpired"));
            JsonNode expired = AuditIT.entry(auditor.get(timeline).body(), "AppointmentExpired");
            assertThat(expired.path("actor").path("kind").asText()).isEqualTo("SYSTEM");
            assertThat(expired.path("actor").path("cause").asText()).isEqualTo("hold-expiry");
            assertThat(expired.path("actor").path("onBehalfOf").path("kind").asText()).isEqualTo("PATIENT");
            assertThat(expired.path("actor").path("onBehalfOf").path("id").asText()).isEqualTo(AuditIT.subject(slowPayer.api()));
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/schedules/" + watched).body()
                    .path("remaining").asInt() == 2);
            Api.Response late = api.post("/api/admin/appointments/" + expiring + "/confirm", "{\"paymentReference\":\"wx-late\"}");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.code()).isEqualTo("APPOINTMENT_NOT_CONFIRMABLE");

            // then the application goes down with a hold still running
            scheduleId = api.openSchedule(2, 3000);
            Api.Response booked = Api.expect(patient.book(scheduleId), 201);
            appointmentId = booked.text("appointmentId");
            patientToken = patient.api().token();
            expiresAt = Instant.parse(booked.text("holdExpiresAt"));
        }
        // the application is down while the deadline passes
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expiresAt.plusSeconds(1)));

        try (ConfigurableApplicationContext second = start(props)) {
            Api api = new Api(port(second)).admin();
            // tokens are signed with the shared key, so the patient's token still works after the restart
            Api patientAgain = new Api(port(second)).withToken(patientToken);
            await().atMost(Duration.ofSeconds(30)).until(() -> "EXPIRED".equals(patientAgain.get("/api/me/appointments/"
                    + appointmentId).body().path("appointment").path("status").asText()));
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/schedules/" + scheduleId).body()
                    .path("remaining").asInt() == 2);
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND payload_type = ?", Long.class, scheduleId, SlotReleased.class.getName())).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, String> props) {
        // as command-line arguments: they must win over application.yml
        return new SpringApplicationBuilder(YihuiliaoApplication.class)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
