package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 体检服务: packages kept by the super admin and read by anyone. */
class ExamIT extends IntegrationTest {

    @LocalServerPort
    int port;
    Api anonymous;
    Api admin;

    @BeforeEach
    void clients() {
        anonymous = new Api(port);
        admin = anonymous.admin();
    }

    static String packageJson(String name, long priceFen, String sex, int minAge, int maxAge, boolean active) {
        return "{\"name\":\"" + name + "\",\"items\":[\"血常规\",\"肝功能\",\"胸部CT\"],\"priceFen\":" + priceFen
                + ",\"notes\":\"检查前一天晚上10点后禁食。\\n请携带身份证。\"," + (sex == null ? "" : "\"sex\":\"" + sex + "\",")
                + "\"minAge\":" + minAge + ",\"maxAge\":" + maxAge + ",\"active\":" + active + "}";
    }

    @Test
    void packagesAreKeptByStaffAndReadByAnyone() {
        String packageId = Api.unique("pkg");
        JsonNode saved = expect(admin.put("/api/admin/exam-packages/" + packageId,
                packageJson("入职体检A", 39_900, null, 18, 70, true)), 200).body();
        assertThat(saved.path("items")).hasSize(3);

        JsonNode detail = expect(anonymous.get("/api/exam-packages/" + packageId), 200).body();
        assertThat(detail.path("priceFen").asLong()).isEqualTo(39_900);
        assertThat(detail.path("notes").asText()).contains("禁食");
        assertThat(detail.path("items").get(0).asText()).isEqualTo("血常规");
        assertThat(anonymous.all("/api/exam-packages").findValuesAsText("packageId")).contains(packageId);

        // retired: no longer listed nor readable
        expect(admin.put("/api/admin/exam-packages/" + packageId, packageJson("入职体检A", 39_900, null, 18, 70, false)), 200);
        assertThat(anonymous.get("/api/exam-packages/" + packageId).code()).isEqualTo("EXAM_PACKAGE_NOT_FOUND");
        assertThat(anonymous.all("/api/exam-packages").findValuesAsText("packageId")).doesNotContain(packageId);
    }

    @Test
    void onlyTheSuperAdminKeepsPackagesAndBadOnesAreRefused() {
        String packageId = Api.unique("pkg");
        assertThat(anonymous.put("/api/admin/exam-packages/" + packageId, packageJson("A", 100, null, 0, 150, true)).status())
                .isEqualTo(401);
        assertThat(admin.newStaff("FINANCE", null).put("/api/admin/exam-packages/" + packageId,
                packageJson("A", 100, null, 0, 150, true)).status()).isEqualTo(403);
        Api.Response band = admin.put("/api/admin/exam-packages/" + packageId, packageJson("A", 100, "FEMALE", 60, 18, true));
        assertThat(band.status()).isEqualTo(400);
        assertThat(band.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.put("/api/admin/exam-packages/" + packageId, packageJson("A", -1, null, 0, 150, true)).status())
                .isEqualTo(400);
        assertThat(anonymous.get("/api/exam-packages/" + packageId).status()).isEqualTo(404);
        assertThat(anonymous.get("/api/exam-packages?page=2").code()).isEqualTo("UNKNOWN_PARAMETER");
    }
}
