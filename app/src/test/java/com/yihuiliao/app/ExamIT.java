package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.Clocks;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 体检服务: packages kept by the super admin and read by anyone; a day's places booked by patients. */
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

    static String booking(String packageId, LocalDate date, String patientId, String requestId) {
        return "{\"packageId\":\"" + packageId + "\",\"date\":\"" + date + "\",\"patientId\":\"" + patientId + "\""
                + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}";
    }

    @Test
    void aPatientBooksAPlaceOfAnOpenDayAndGetsTheSuccessPage() {
        String packageId = Api.unique("pkg");
        expect(admin.put("/api/admin/exam-packages/" + packageId, packageJson("入职体检B", 19_900, null, 0, 150, true)), 200);
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(3);
        Api.Patient first = anonymous.patient();
        assertThat(first.api().post("/api/exam-bookings", booking(packageId, date, first.patientId(), null)).code())
                .isEqualTo("EXAM_DAY_NOT_OPEN");
        expect(admin.put("/api/admin/exam-packages/" + packageId + "/days/" + date, "{\"capacity\":1}"), 200);

        JsonNode slip = expect(first.api().post("/api/exam-bookings", booking(packageId, date, first.patientId(), "r1")), 201).body();
        assertThat(slip.path("bookingNumber").asText()).startsWith("TJ" + date.toString().replace("-", ""));
        assertThat(slip.path("date").asText()).isEqualTo(date.toString());
        assertThat(slip.path("checkInTime").asText()).isNotBlank();
        assertThat(slip.path("checkInPlace").asText()).isNotBlank();
        assertThat(slip.path("notes").asText()).contains("禁食");
        assertThat(slip.path("priceFen").asLong()).isEqualTo(19_900);
        assertThat(slip.path("status").asText()).isEqualTo("HELD");
        // a retried request answers the first booking
        JsonNode again = expect(first.api().post("/api/exam-bookings", booking(packageId, date, first.patientId(), "r1")), 201).body();
        assertThat(again.path("bookingId").asText()).isEqualTo(slip.path("bookingId").asText());
        assertThat(again.path("bookingNumber").asText()).isEqualTo(slip.path("bookingNumber").asText());

        Api.Patient second = anonymous.patient();
        assertThat(second.api().post("/api/exam-bookings", booking(packageId, date, second.patientId(), null)).code())
                .isEqualTo("EXAM_DAY_FULL");
        // capacity never below the places taken
        assertThat(admin.put("/api/admin/exam-packages/" + packageId + "/days/" + date, "{\"capacity\":2}").status())
                .isEqualTo(200);
        expect(second.api().post("/api/exam-bookings", booking(packageId, date, second.patientId(), null)), 201);
        assertThat(admin.put("/api/admin/exam-packages/" + packageId + "/days/" + date, "{\"capacity\":1}").code())
                .isEqualTo("CAPACITY_BELOW_HELD");
    }

    @Test
    void bookingsAreRefusedClearlyAndWriteNothing() {
        String packageId = Api.unique("pkg");
        expect(admin.put("/api/admin/exam-packages/" + packageId, packageJson("老年体检", 29_900, null, 60, 150, true)), 200);
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(2);
        expect(admin.put("/api/admin/exam-packages/" + packageId + "/days/" + date, "{\"capacity\":5}"), 200);
        Api.Patient patient = anonymous.patient(); // born 1990: too young for 60+
        Api.Response young = patient.api().post("/api/exam-bookings", booking(packageId, date, patient.patientId(), null));
        assertThat(young.status()).isEqualTo(422);
        assertThat(young.code()).isEqualTo("EXAM_PACKAGE_NOT_SUITABLE");

        Api.Patient other = anonymous.patient();
        assertThat(other.api().post("/api/exam-bookings", booking(packageId, date, patient.patientId(), null)).status())
                .isEqualTo(404);
        assertThat(patient.api().post("/api/exam-bookings", booking("no-such-package", date, patient.patientId(), null)).code())
                .isEqualTo("EXAM_PACKAGE_NOT_FOUND");
        assertThat(patient.api().post("/api/exam-bookings", "{\"packageId\":\"" + packageId + "\"}").status())
                .isEqualTo(400);
        assertThat(admin.post("/api/exam-bookings", booking(packageId, date, patient.patientId(), null)).status())
                .isEqualTo(403);
        assertThat(patient.api().put("/api/admin/exam-packages/" + packageId + "/days/" + date, "{\"capacity\":0}").status())
                .isEqualTo(403);
        assertThat(admin.put("/api/admin/exam-packages/" + packageId + "/days/" + date, "{\"capacity\":0}").status())
                .isEqualTo(400);
        assertThat(admin.put("/api/admin/exam-packages/no-such-package/days/" + date, "{\"capacity\":5}").code())
                .isEqualTo("EXAM_PACKAGE_NOT_FOUND");
    }
}
