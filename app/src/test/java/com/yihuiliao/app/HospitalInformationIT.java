package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.hospital.ArticleSaved;
import com.yihuiliao.api.hospital.CampusSaved;
import com.yihuiliao.api.hospital.HospitalIntroductionSaved;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Hospital information (医院服务): kept by the super admin, cleaned of script, read by anyone. */
class HospitalInformationIT extends IntegrationTest {

    static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api admin;
    Api anyone;

    @BeforeEach
    void people() {
        admin = new Api(port).admin();
        anyone = new Api(port);
    }

    long contentEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type IN (?, ?, ?)",
                Long.class, HospitalIntroductionSaved.class.getName(), CampusSaved.class.getName(),
                ArticleSaved.class.getName());
    }

    JsonNode awaitOk(String path, java.util.function.Predicate<JsonNode> until) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response response = anyone.get(path);
            return response.status() == 200 && until.test(response.body());
        });
        return Api.expect(anyone.get(path), 200).body();
    }

    @Test
    void scriptAndEventHandlersAreRemovedFromRichText() {
        String marker = Api.unique("欢迎");
        Api.expect(admin.put("/api/admin/hospital/introduction", "{\"html\":\"<h2>" + marker + "</h2><p>三级甲等医院"
                + "<script>alert(1)</script></p><img src=\\\"/api/hospital/images/x.png\\\" onerror=\\\"alert(2)\\\">"
                + "<a href=\\\"javascript:alert(3)\\\" onclick=\\\"alert(4)\\\">链接</a>\"}"), 204);

        String html = awaitOk("/api/hospital/introduction", body -> body.path("html").asText().contains(marker))
                .path("html").asText();

        assertThat(html).contains("<h2>" + marker + "</h2>", "三级甲等医院", "<img src=\"/api/hospital/images/x.png\">");
        assertThat(html).doesNotContain("<script", "alert", "onerror", "onclick", "javascript:");
    }

    @Test
    void campusesComeWithABaiduMapsMarkerLink() {
        String campusId = Api.unique("campus");
        Api.expect(admin.put("/api/admin/hospital/campuses/" + campusId, "{\"name\":\"东院区\",\"address\":\"北京市东城区某路1号\","
                + "\"phone\":\"010-12345678\",\"latitude\":39.915,\"longitude\":116.404,\"sortOrder\":1}"), 204);

        JsonNode campus = find(awaitOk("/api/hospital/campuses", body -> find(body, campusId) != null), campusId);

        assertThat(campus.path("phone").asText()).isEqualTo("010-12345678");
        assertThat(campus.path("navigationUrl").asText())
                .startsWith("http://api.map.baidu.com/marker?location=39.915000,116.404000&title=%E4%B8%9C%E9%99%A2%E5%8C%BA")
                .contains("&coord_type=gcj02", "&output=html", "&src=webapp.yihuiliao.miniprogram");

        Api.expect(admin.delete("/api/admin/hospital/campuses/" + campusId), 204);
        awaitOk("/api/hospital/campuses", body -> find(body, campusId) == null);
    }

    @Test
    void theVisitGuideAndTheEncyclopediaAreListedAndSearched() {
        String guideId = Api.unique("guide");
        Api.expect(admin.put("/api/admin/hospital/guides/" + guideId, "{\"title\":\"就诊流程\",\"html\":\"<ol><li>预约</li>"
                + "<li>取号</li></ol>\",\"sortOrder\":1}"), 204);
        String category = Api.unique("心血");
        String word = Api.unique("高血压");
        String articleId = Api.unique("art");
        Api.expect(admin.put("/api/admin/hospital/articles/" + articleId, "{\"category\":\"" + category + "\","
                + "\"title\":\"认识血压\",\"summary\":\"血压的基础知识\",\"html\":\"<p>" + word + "的饮食</p>\"}"), 204);
        Api.expect(admin.put("/api/admin/hospital/articles/" + Api.unique("art"), "{\"category\":\"" + category + "\","
                + "\"title\":\"运动与健康\",\"html\":\"<p>每天走路</p>\"}"), 204);

        awaitOk("/api/hospital/articles?category=" + enc(category), body -> body.path("total").asLong() == 2);
        JsonNode found = Api.expect(anyone.get("/api/hospital/articles?q=" + enc(word)), 200).body();
        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("articleId").asText()).isEqualTo(articleId);
        assertThat(Api.expect(anyone.get("/api/hospital/articles?q=" + enc("%")), 200).body().path("total").asLong())
                .isZero();
        assertThat(Api.expect(anyone.get("/api/hospital/articles/" + articleId), 200).text("html"))
                .isEqualTo("<p>" + word + "的饮食</p>");
        JsonNode categories = Api.expect(anyone.get("/api/hospital/article-categories"), 200).items();
        assertThat(categories.findValuesAsText("name")).contains(category);
        awaitOk("/api/hospital/guides", body -> body.path("items").findValuesAsText("guideId").contains(guideId));
        assertThat(Api.expect(anyone.get("/api/hospital/guides/" + guideId), 200).text("html")).contains("<li>取号</li>");
        assertThat(anyone.get("/api/hospital/articles?topic=x").code()).isEqualTo("UNKNOWN_PARAMETER");
    }

    @Test
    void anUploadedImageIsServedThroughAPresignedLink() throws Exception {
        String path = Api.expect(admin.post("/api/admin/hospital/images", "{\"dataBase64\":\""
                + Base64.getEncoder().encodeToString(PNG) + "\"}"), 201).text("path");
        assertThat(path).matches("/api/hospital/images/[0-9a-f]{64}\\.png");

        HttpResponse<byte[]> redirect = NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(redirect.statusCode()).isEqualTo(302);
        HttpResponse<byte[]> image = NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create(redirect.headers()
                .firstValue("Location").orElseThrow())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.body()).isEqualTo(PNG);
    }

    @Test
    void suspendedSchedulesArePublishedAsNotices() {
        String doctorId = admin.doctor(admin.department(), 1_000);
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(3);
        String scheduleId = admin.schedule(doctorId, date, "AFTERNOON", 5);
        Api.expect(admin.post("/api/admin/schedules/" + scheduleId + "/suspend", "{\"reason\":\"医生外出会诊\"}"), 200);

        String path = "/api/hospital/suspension-notices?from=" + date + "&to=" + date;
        // the notice and the doctor's name come from two projections: wait for both
        JsonNode notice = find(awaitOk(path, body -> find(body, scheduleId) != null
                && find(body, scheduleId).hasNonNull("doctorName")), scheduleId);

        assertThat(notice.path("doctorId").asText()).isEqualTo(doctorId);
        assertThat(notice.path("doctorName").asText()).isEqualTo("测试医生");
        assertThat(notice.path("departmentName").asText()).isEqualTo("测试科");
        assertThat(notice.path("period").asText()).isEqualTo("AFTERNOON");
        assertThat(notice.path("reason").asText()).isEqualTo("医生外出会诊");
        assertThat(anyone.get("/api/hospital/suspension-notices?from=" + date + "&to=" + date.minusDays(1)).status())
                .isEqualTo(400);
    }

    @Test
    void onlyTheSuperAdminKeepsItAndBadInputWritesNothing() {
        Api scheduler = admin.newStaff("SCHEDULER", null);
        Api patient = anyone.patient().api();
        String campus = "{\"name\":\"西院区\",\"address\":\"某路2号\",\"phone\":\"010-1\",\"latitude\":39.9,"
                + "\"longitude\":116.3,\"sortOrder\":2}";
        long before = contentEvents();

        assertThat(scheduler.put("/api/admin/hospital/campuses/west", campus).status()).isEqualTo(403);
        assertThat(patient.put("/api/admin/hospital/campuses/west", campus).status()).isEqualTo(403);
        assertThat(anyone.put("/api/admin/hospital/campuses/west", campus).status()).isEqualTo(401);
        assertThat(admin.put("/api/admin/hospital/campuses/west", campus.replace("39.9", "99.9")).status())
                .isEqualTo(400);
        assertThat(admin.put("/api/admin/hospital/introduction", "{\"html\":\"<script>alert(1)</script>\"}")
                .status()).isEqualTo(400);
        assertThat(admin.put("/api/admin/hospital/articles/a1", "{\"category\":\"科普\",\"title\":\"\",\"html\":\"<p>x</p>\"}")
                .status()).isEqualTo(400);
        assertThat(admin.post("/api/admin/hospital/images", "{\"dataBase64\":\"aGVsbG8=\"}").status()).isEqualTo(400);
        assertThat(contentEvents()).isEqualTo(before);
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list.path("items")) {
            for (String field : new String[]{"campusId", "scheduleId"}) {
                if (item.path(field).asText().equals(id)) {
                    return item;
                }
            }
        }
        return null;
    }

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
