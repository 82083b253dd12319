package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A hold that expires is the system's doing (its deadline), on behalf of the patient who booked it. */
class HoldExpiryTimelineIT {

    @Test
    void anExpiredHoldShowsTheDeadlineOnBehalfOfThePatient() {
        Map<String, String> props = new LinkedHashMap<>(TestEnvironment.freshDatabase("expiry"));
        props.put("yihuiliao.booking.payment-timeout", "2s");
        props.put("server.port", "0");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(YihuiliaoApplication.class)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            Api admin = new Api(port).admin();
            Api auditor = admin.newStaff("AUDITOR", null);
            Api.Patient patient = new Api(port).patient();
            String appointmentId = Api.expect(patient.book(admin.openSchedule(2, 3000)), 201).text("appointmentId");

            String path = "/api/admin/timeline/appointment/" + appointmentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> auditor.get(path).body().path("items")
                    .findValuesAsText("type").contains("AppointmentExpired"));
            JsonNode expired = AuditIT.entry(auditor.get(path).body(), "AppointmentExpired");
            assertThat(expired.path("actor").path("kind").asText()).isEqualTo("SYSTEM");
            assertThat(expired.path("actor").path("cause").asText()).isEqualTo("hold-expiry");
            assertThat(expired.path("actor").path("onBehalfOf").path("kind").asText()).isEqualTo("PATIENT");
            assertThat(expired.path("actor").path("onBehalfOf").path("id").asText()).isEqualTo(AuditIT.subject(patient.api()));
        }
    }
}
