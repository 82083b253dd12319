package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.report.ReportRecorded;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reports (报告查询): entered or pushed, shown to their patient only once released, with their PDF. */
class ReportsIT extends IntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n% a report\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api doctor;
    Api.Patient patient;

    @BeforeEach
    void people() {
        Api admin = new Api(port).admin();
        doctor = admin.newStaff("DOCTOR", admin.doctor(admin.department(), 1_000));
        patient = new Api(port).patient();
        // the patient's own reads go through the patients' read model: wait until it has seen the new patient
        await().atMost(Duration.ofSeconds(30)).until(() -> patient.api().get(myReports()).status() == 200);
    }

    static String report(String patientId, String externalNo, String type, boolean release, boolean pdf) {
        return "{\"externalNo\":\"" + externalNo + "\",\"patientId\":\"" + patientId + "\",\"type\":\"" + type + "\","
                + "\"title\":\"血常规\",\"reportedAt\":\"" + Instant.now().minusSeconds(3600) + "\",\"items\":["
                + "{\"name\":\"白细胞计数\",\"value\":\"11.2\",\"unit\":\"10^9/L\",\"referenceRange\":\"3.5-9.5\",\"flag\":\"HIGH\"},"
                + "{\"name\":\"血小板\",\"value\":\"90\",\"unit\":\"10^9/L\",\"referenceRange\":\"125-350\",\"flag\":\"LOW\"},"
                + "{\"name\":\"血红蛋白\",\"value\":\"135\",\"unit\":\"g/L\",\"referenceRange\":\"130-175\"}],"
                + "\"conclusion\":\"白细胞偏高\"" + (pdf ? ",\"pdfBase64\":\"" + Base64.getEncoder().encodeToString(PDF) + "\"" : "")
                + ",\"release\":" + release + "}";
    }

    String myReports() {
        return "/api/me/reports?patientId=" + patient.patientId();
    }

    JsonNode awaitMine(String path, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response list = patient.api().get(path);
            return list.status() == 200 && list.items().size() == count;
        });
        return Api.expect(patient.api().get(path), 200).items();
    }

    long reportsRecorded() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                ReportRecorded.class.getName());
    }

    @Test
    void aDoctorsReportIsShownToItsPatientOnlyOnceReleasedWithItsResultsAndPdf() throws Exception {
        String reportId = Api.expect(doctor.post("/api/admin/reports",
                report(patient.patientId(), Api.unique("L"), "LAB", false, true)), 201).text("reportId");
        // staff see it waiting; the patient does not see it at all
        await().atMost(Duration.ofSeconds(30)).until(() ->
                doctor.get("/api/admin/reports/" + reportId).status() == 200);
        assertThat(doctor.get("/api/admin/reports/" + reportId).body().path("released").asBoolean()).isFalse();
        assertThat(Api.expect(patient.api().get(myReports()), 200).items()).isEmpty();
        assertThat(patient.api().get("/api/me/reports/" + reportId).code()).isEqualTo("REPORT_NOT_FOUND");
        assertThat(patient.api().get("/api/me/reports/" + reportId + "/download-link").status()).isEqualTo(404);

        Api.expect(doctor.post("/api/admin/reports/" + reportId + "/release", ""), 204);

        JsonNode mine = awaitMine(myReports(), 1);
        assertThat(mine.get(0).path("reportId").asText()).isEqualTo(reportId);
        assertThat(mine.get(0).path("abnormalItems").asInt()).isEqualTo(2);
        assertThat(mine.get(0).path("reportDate").asText())
                .isEqualTo(LocalDate.ofInstant(Instant.now().minusSeconds(3600), com.yihuiliao.api.Clocks.HOSPITAL_ZONE).toString());
        JsonNode detail = Api.expect(patient.api().get("/api/me/reports/" + reportId), 200).body();
        assertThat(detail.path("items").get(0).path("flag").asText()).isEqualTo("HIGH");
        assertThat(detail.path("items").get(0).path("flagSymbol").asText()).isEqualTo("↑");
        assertThat(detail.path("items").get(1).path("flagSymbol").asText()).isEqualTo("↓");
        assertThat(detail.path("items").get(2).path("flag").isNull()).isTrue();
        assertThat(detail.path("provenance").isNull()).isTrue();

        String url = Api.expect(patient.api().get("/api/me/reports/" + reportId + "/download-link"), 200).text("url");
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo(PDF);

        JsonNode staffView = Api.expect(doctor.get("/api/admin/reports/" + reportId), 200).body();
        assertThat(staffView.path("provenance").path("source").asText()).isEqualTo("STAFF");
        assertThat(staffView.path("provenance").path("recordedBy").asText()).isNotBlank();
    }

    @Test
    void anotherAccountNeverSeesThem() {
        String reportId = Api.expect(doctor.post("/api/admin/reports",
                report(patient.patientId(), Api.unique("L"), "LAB", true, true)), 201).text("reportId");
        awaitMine(myReports(), 1);
        Api other = new Api(port).patient().api();

        assertThat(other.get(myReports()).status()).isEqualTo(404);
        assertThat(other.get("/api/me/reports/" + reportId).code()).isEqualTo("REPORT_NOT_FOUND");
        assertThat(other.get("/api/me/reports/" + reportId + "/download-link").code()).isEqualTo("REPORT_NOT_FOUND");
    }

    @Test
    void pushedReportsAreListedByTypeAndDate() {
        Api.expect(new IntegrationSigner(port, "lis-test").post("/api/integration/reports",
                report(patient.patientId(), Api.unique("L"), "LAB", true, false)), 201);
        Api.expect(new IntegrationSigner(port, "pacs-test").post("/api/integration/reports",
                report(patient.patientId(), Api.unique("P"), "IMAGING", true, false)
                        .replace("\"conclusion\"", "\"findings\":\"双肺纹理清晰\",\"conclusion\"")), 201);

        awaitMine(myReports(), 2);
        JsonNode imaging = Api.expect(patient.api().get(myReports() + "&type=IMAGING"), 200).items();
        String today = LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE).toString();
        String yesterday = LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE).minusDays(3).toString();

        assertThat(imaging).hasSize(1);
        assertThat(imaging.get(0).path("type").asText()).isEqualTo("IMAGING");
        assertThat(Api.expect(patient.api().get(myReports() + "&from=" + yesterday + "&to=" + today), 200)
                .body().path("total").asLong()).isBetween(1L, 2L);
        assertThat(Api.expect(patient.api().get(myReports() + "&to=" + yesterday), 200).items()).isEmpty();
        assertThat(patient.api().get(myReports() + "&type=BLOOD").status()).isEqualTo(400);
        assertThat(patient.api().get(myReports() + "&kind=LAB").code()).isEqualTo("UNKNOWN_PARAMETER");
    }

    @Test
    void anAmendmentIsTheNextVersionAndKeepsTheRelease() {
        String reportId = Api.expect(doctor.post("/api/admin/reports",
                report(patient.patientId(), Api.unique("L"), "LAB", true, true)), 201).text("reportId");
        awaitMine(myReports(), 1);

        Api.Response amended = Api.expect(doctor.put("/api/admin/reports/" + reportId, "{\"title\":\"血常规\","
                + "\"reportedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"items\":[{\"name\":\"白细胞计数\","
                + "\"value\":\"8.0\",\"unit\":\"10^9/L\",\"referenceRange\":\"3.5-9.5\"}],\"conclusion\":\"未见异常\","
                + "\"reason\":\"仪器复测\"}"), 200);

        assertThat(amended.body().path("version").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                patient.api().get("/api/me/reports/" + reportId).body().path("version").asInt() == 2);
        JsonNode detail = Api.expect(patient.api().get("/api/me/reports/" + reportId), 200).body();
        assertThat(detail.path("items")).hasSize(1);
        assertThat(detail.path("hasPdf").asBoolean()).isTrue();
        assertThat(Api.expect(doctor.get("/api/admin/reports/" + reportId), 200).body()
                .path("provenance").path("amendReason").asText()).isEqualTo("仪器复测");
    }

    @Test
    void theWrongStaffRoleIsRefused() {
        Api finance = new Api(port).admin().newStaff("FINANCE", null);
        long before = reportsRecorded();

        assertThat(finance.post("/api/admin/reports", report(patient.patientId(), Api.unique("L"), "LAB", true, false))
                .status()).isEqualTo(403);
        assertThat(finance.get("/api/admin/reports").status()).isEqualTo(403);
        assertThat(patient.api().get("/api/admin/reports").status()).isEqualTo(403);
        assertThat(reportsRecorded()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        long before = reportsRecorded();

        Api.Response unknownPatient = doctor.post("/api/admin/reports", report("nobody", Api.unique("L"), "LAB", true, false));
        Api.Response future = doctor.post("/api/admin/reports", report(patient.patientId(), Api.unique("L"), "LAB", true,
                false).replaceFirst("\"reportedAt\":\"[^\"]+\"", "\"reportedAt\":\"" + Instant.now().plusSeconds(3600) + "\""));
        Api.Response badId = doctor.post("/api/admin/reports", report(patient.patientId(), "no spaces", "LAB", true, false));
        Api.Response script = doctor.post("/api/admin/reports", report(patient.patientId(), Api.unique("L"), "LAB", true,
                false).replace("白细胞偏高", "\\u202e反转"));
        Api.Response unknownRelease = doctor.post("/api/admin/reports/RPNOSUCHREPORT/release", "");

        assertThat(unknownPatient.code()).isEqualTo("PATIENT_NOT_FOUND");
        assertThat(future.status()).isEqualTo(400);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(script.code()).isEqualTo("INVALID_TEXT");
        assertThat(unknownRelease.code()).isEqualTo("REPORT_NOT_FOUND");
        assertThat(reportsRecorded()).isEqualTo(before);
    }
}
