package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.projection.announcement.AnnouncementProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One list convention on every list: the envelope, the size bounds, keyset cursors, no {@code page}. */
class ListsIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    void formerlyBareArraysAnswerTheEnvelope() {
        Api.Patient patient = new Api(port).patient();
        String accountsPath = "/api/me/accounts?patientId=" + patient.patientId();
        // the patient views learn of the new patient first
        await().atMost(Duration.ofSeconds(20)).until(() -> patient.api().get(accountsPath).status() == 200);
        for (Api.Response list : List.of(patient.api().get("/api/me/patients"),
                patient.api().get("/api/me/accounts?patientId=" + patient.patientId()),
                patient.api().get("/api/me/appointments?patientId=" + patient.patientId()),
                new Api(port).get("/api/departments"))) {
            JsonNode body = Api.expect(list, 200).body();
            assertThat(body.fieldNames()).toIterable().containsExactly("items", "size", "nextCursor", "total", "sums");
            assertThat(body.path("items").isArray()).isTrue();
            assertThat(body.path("size").asInt()).isEqualTo(20);
        }
        JsonNode accounts = patient.api().get("/api/me/accounts?patientId=" + patient.patientId() + "&size=1").body();
        assertThat(accounts.path("items")).hasSize(1);
        assertThat(accounts.path("total").asLong()).isEqualTo(2);
        JsonNode rest = patient.api().get("/api/me/accounts?patientId=" + patient.patientId() + "&size=1&cursor="
                + accounts.path("nextCursor").asText()).body();
        assertThat(rest.path("items").get(0).path("kind").asText()).isNotEqualTo(accounts.path("items").get(0)
                .path("kind").asText());
        assertThat(rest.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void sizesOutsideTheBoundsAre400() {
        Api admin = new Api(port).admin();
        Api.Patient patient = new Api(port).patient();
        for (Api.Response refused : List.of(admin.get("/api/admin/appointments?size=0"),
                admin.get("/api/admin/bills?size=201"), admin.get("/api/admin/staff?size=0"),
                patient.api().get("/api/me/patients?size=201"), new Api(port).get("/api/departments?size=-5"))) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body().path("errors").has("size")).isTrue();
        }
        assertThat(Api.expect(admin.get("/api/admin/appointments?size=200"), 200).body().path("size").asInt())
                .isEqualTo(200);
    }

    @Test
    void anEditedOrAnotherListsCursorIs400() {
        Api admin = new Api(port).admin();
        for (int i = 0; i < 3; i++) {
            announce(admin, Instant.now().minusSeconds(600), "cursor " + i);
        }
        Processors.awaitAtHead(processing, eventStore, AnnouncementProjection.GROUP);
        String cursor = Api.expect(admin.get("/api/admin/announcements?size=1"), 200).text("nextCursor");
        assertThat(Api.expect(admin.get("/api/admin/announcements?size=1&cursor=" + cursor), 200).items()).hasSize(1);

        String edited = cursor.substring(0, 5) + (cursor.charAt(5) == 'x' ? 'y' : 'x') + cursor.substring(6);
        String departments = Api.expect(admin.get("/api/departments?size=1"), 200).text("nextCursor");
        for (String bad : new String[]{edited, cursor.substring(1), "garbage!", departments}) {
            if (bad == null) {
                continue; // fewer than two departments: no cursor to misuse
            }
            Api.Response refused = admin.get("/api/admin/announcements?cursor=" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.code()).as(bad).isEqualTo("INVALID_CURSOR");
        }
    }

    @Test
    void aRetiredPageParameterIs400OnEverySide() {
        Api admin = new Api(port).admin();
        Api.Patient patient = new Api(port).patient();
        for (Api.Response refused : List.of(admin.get("/api/admin/appointments?page=0"),
                admin.get("/api/admin/payments?page=1"), admin.get("/api/admin/staff?page=1"),
                admin.get("/api/admin/dead-letters?page=0"), patient.api().get("/api/me/patients?page=0"))) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("UNKNOWN_PARAMETER");
            assertThat(refused.text("detail")).contains("'page'");
        }
    }

    @Test
    void pagingWhileRowsArriveSeesEveryRowExactlyOnce() {
        Api admin = new Api(port).admin();
        Instant base = Instant.now().minusSeconds(86_400);
        Set<String> before = new HashSet<>();
        // some share one instant: the id alone orders those
        for (int i = 0; i < 7; i++) {
            before.add(announce(admin, base.plusSeconds(i / 2), "before " + i));
        }
        Processors.awaitAtHead(processing, eventStore, AnnouncementProjection.GROUP);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int added = 0;
        do {
            JsonNode page = Api.expect(admin.get("/api/admin/announcements?size=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)), 200).body();
            page.path("items").forEach(item -> seen.add(item.path("announcementId").asText()));
            cursor = page.path("nextCursor").asText(null);
            // between two reads, newer rows (before the cursor) and older ones (after it) arrive
            announce(admin, Instant.now().plusSeconds(3_600 + added), "newer " + added);
            announce(admin, base.minusSeconds(86_400L * 365 + added), "older " + added);
            added++;
            Processors.awaitAtHead(processing, eventStore, AnnouncementProjection.GROUP);
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(before::contains).count()).isEqualTo(before.size());
    }

    private static String announce(Api admin, Instant activeFrom, String title) {
        return Api.expect(admin.post("/api/admin/announcements", "{\"title\":\"" + title + "\",\"body\":\"x\","
                + "\"activeFrom\":\"" + activeFrom + "\",\"pinned\":false}"), 201).text("announcementId");
    }
}
