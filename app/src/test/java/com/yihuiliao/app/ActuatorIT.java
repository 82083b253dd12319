package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health tells the public only UP or DOWN; staff see what is behind it; metrics are for operators. */
class ActuatorIT extends IntegrationTest {

    @LocalServerPort
    int port;
    Api anonymous;
    Api admin;

    @BeforeEach
    void clients() {
        anonymous = new Api(port);
        admin = anonymous.admin();
    }

    @Test
    void anonymousCallersAndPatientsSeeOnlyTheStatus() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Api.Response health = anonymous.get(path);
            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.text("status")).as(path).isEqualTo("UP");
            // nothing but the status (the root also names its groups: liveness, readiness)
            assertThat(health.body().properties()).as(path).extracting(java.util.Map.Entry::getKey)
                    .isSubsetOf("status", "groups");
        }
        Api.Response db = anonymous.get("/actuator/health/db");
        assertThat(db.body().has("details")).as(db.body().toString()).isFalse();
        assertThat(db.body().toString()).doesNotContainIgnoringCase("H2").doesNotContainIgnoringCase("validationQuery");

        Api patient = anonymous.patient().api();
        assertThat(patient.get("/actuator/health").body().has("components")).isFalse();
    }

    @Test
    void anyStaffMemberSeesTheComponentsAndTheirDetails() {
        for (Api staff : List.of(admin, admin.newStaff("AUDITOR", null), admin.newStaff("SCHEDULER", null))) {
            JsonNode components = Api.expect(staff.get("/actuator/health"), 200).body().path("components");
            assertThat(components.path("db").path("details").path("database").asText()).isNotBlank();
            assertThat(components.path("redis").path("details").path("version").asText()).isNotBlank();
        }
        // readiness: the database; Redis is left out on purpose (without it the system is slower, never wrong)
        JsonNode readiness = Api.expect(admin.get("/actuator/health/readiness"), 200).body().path("components");
        assertThat(readiness.has("db")).as(readiness.toString()).isTrue();
        assertThat(readiness.has("readinessState")).as(readiness.toString()).isTrue();
        assertThat(readiness.has("redis")).as(readiness.toString()).isFalse();
    }

    @Test
    void prometheusIsForTheScraperAndTheSuperAdminOnly() {
        assertThat(anonymous.getText("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.withToken("not-the-scrape-token-but-of-the-same-length!").getText("/actuator/prometheus")
                .status()).isEqualTo(401);
        assertThat(anonymous.patient().api().getText("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(admin.newStaff("FINANCE", null).getText("/actuator/prometheus").status()).isEqualTo(403);
        // the scrape token opens nothing else
        assertThat(anonymous.withToken(TestEnvironment.SCRAPE_TOKEN).get("/actuator/metrics").status()).isIn(401, 403);
        assertThat(anonymous.withToken(TestEnvironment.SCRAPE_TOKEN).get("/api/admin/staff").status()).isIn(401, 403);

        // a command, its event through a projection, a query: Axon's meters appear with their first message
        String departmentId = admin.department();
        admin.schedule(admin.doctor(departmentId, 1000), java.time.LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE)
                .plusDays(2), "MORNING", 5);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> anonymous.all("/api/departments").toString().contains(departmentId));
        Api scraper = anonymous.withToken(TestEnvironment.SCRAPE_TOKEN);
        await().atMost(Duration.ofSeconds(20)).until(() -> scraper.getText("/actuator/prometheus").body()
                .contains("processorName=\"catalogue-view\""));
        for (Api reader : List.of(admin, scraper)) {
            Api.Text scrape = reader.getText("/actuator/prometheus");
            assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
            assertThat(scrape.body())
                    .contains("jvm_memory_used_bytes")
                    .contains("http_server_requests_seconds")
                    // Axon's own (axon-micrometer): event processors and the buses, tagged by name and payload
                    .containsPattern("eventProcessor_processedCounter_total\\{[^}]*processorName=\"catalogue-view\"")
                    .containsPattern("commandBus_processedCounter_total\\{[^}]*payloadType=\"PublishSchedule\"")
                    .containsPattern("queryBus_\\w+\\{[^}]*payloadType=\"FindDepartments\"")
                    .containsPattern("cache_gets_total\\{[^}]*cache=\"departments\"");
        }
    }

    @Test
    void infoShowsTheBuild() {
        JsonNode build = Api.expect(anonymous.get("/actuator/info"), 200).body().path("build");
        assertThat(build.path("version").asText()).isNotBlank();
        assertThat(build.path("time").asText()).isNotBlank();
    }
}
