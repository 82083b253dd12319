package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff's appointment pages: the detail with its status history, the patient's name and masked ID
 * number in list and detail (from the staff-side patient directory, never from events), the patient
 * filter, and unknown query parameters refused rather than ignored.
 */
class StaffAppointmentsIT extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String MASKED_ID = "^\\d{4}\\*{10}[0-9X]{4}$";

    @LocalServerPort
    int port;

    /** The masked ID number the patient's own account sees: staff see the same, never more. */
    static String maskedId(Api.Patient patient) {
        for (JsonNode p : Api.expect(patient.api().get("/api/me/patients"), 200).items()) {
            if (p.path("patientId").asText().equals(patient.patientId())) {
                return p.path("idNumberMasked").asText();
            }
        }
        throw new AssertionError("patient not listed");
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("appointmentId").asText()));
        return ids;
    }

    @Test
    void theDetail_showsThePatientMasked_theHistoryWithWhoAndWhy_andThePayment() {
        Api admin = new Api(port).admin();
        String scheduleId = admin.openSchedule(5, 2_000);
        Api.Patient patient = new Api(port).patient();
        Api.expect(admin.counterTopUp(patient.patientId(), 10_000), 200);
        String paid = Api.expect(patient.book(scheduleId), 201).text("appointmentId");
        String outTradeNo = Api.expect(patient.payWithBalance(paid), 200).text("outTradeNo");

        // the appointment and its payments are two read models (appointment-view, billing-view): wait for both
        await().atMost(WAIT).until(() -> {
            JsonNode seen = admin.get("/api/admin/appointments/" + paid).body();
            return seen.path("appointment").path("status").asText().equals("CONFIRMED")
                    && seen.path("payments").size() == 1
                    && seen.path("payments").get(0).path("status").asText().equals("PAID");
        });
        JsonNode detail = Api.expect(admin.get("/api/admin/appointments/" + paid), 200).body();
        assertThat(detail.path("appointment").path("appointmentId").asText()).isEqualTo(paid);
        assertThat(detail.path("appointment").path("patientId").asText()).isEqualTo(patient.patientId());
        assertThat(detail.path("appointment").path("patientName").asText()).isEqualTo("张三");
        assertThat(detail.path("appointment").path("patientIdNumberMasked").asText()).matches(MASKED_ID)
                .isEqualTo(maskedId(patient));
        assertThat(detail.path("paymentReference").asText()).isEqualTo(outTradeNo);
        assertThat(detail.path("payments")).hasSize(1);
        assertThat(detail.path("payments").get(0).path("outTradeNo").asText()).isEqualTo(outTradeNo);
        assertThat(detail.path("payments").get(0).path("channel").asText()).isEqualTo("BALANCE");
        assertThat(detail.path("payments").get(0).path("amountFen").asLong()).isEqualTo(2_000);
        JsonNode history = detail.path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("status").asText()).isEqualTo("HELD");
        assertThat(history.get(0).path("by").asText()).isEqualTo("PATIENT");
        assertThat(history.get(1).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(history.get(1).path("by").isNull()).isTrue(); // the confirmation's event does not say who
        assertThat(history.get(1).path("reason").asText()).contains(outTradeNo);

        // cancelled by the patient, with the reason they gave
        String cancelled = Api.expect(patient.book(admin.openSchedule(5, 2_000)), 201).text("appointmentId");
        Api.expect(patient.api().post("/api/appointments/" + cancelled + "/cancel", "{\"patientId\":\""
                + patient.patientId() + "\",\"reason\":\"改期了\"}"), 200);
        await().atMost(WAIT).until(() -> admin.get("/api/admin/appointments/" + cancelled).body()
                .path("history").size() == 2);
        JsonNode cancel = admin.get("/api/admin/appointments/" + cancelled).body();
        assertThat(cancel.path("appointment").path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancel.path("history").get(1).path("by").asText()).isEqualTo("PATIENT");
        assertThat(cancel.path("history").get(1).path("reason").asText()).contains("改期了");
        assertThat(cancel.path("paymentReference").isNull() || cancel.path("paymentReference").isMissingNode()).isTrue();
        assertThat(cancel.path("payments")).isEmpty();
    }

    @Test
    void theDetail_isForStaff_aDoctorSeesTheirOwnOnly_andAnUnknownIdIs404() {
        Api admin = new Api(port).admin();
        String doctorId = admin.doctor(admin.department(), 1_000);
        String scheduleId = admin.schedule(doctorId, java.time.LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE)
                .plusDays(2), "AFTERNOON", 5);
        Api.Patient patient = new Api(port).patient();
        String appointmentId = Api.expect(patient.book(scheduleId), 201).text("appointmentId");
        String path = "/api/admin/appointments/" + appointmentId;
        await().atMost(WAIT).until(() -> admin.get(path).status() == 200);

        for (String role : List.of("SCHEDULER", "FINANCE", "AUDITOR")) {
            assertThat(admin.newStaff(role, null).get(path).status()).as(role).isEqualTo(200);
        }
        assertThat(admin.newStaff("DOCTOR", doctorId).get(path).status()).isEqualTo(200);
        Api.Response otherDoctor = admin.newStaff("DOCTOR", admin.doctor(admin.department(), 1_000)).get(path);
        assertThat(otherDoctor.status()).isEqualTo(403);
        assertThat(otherDoctor.code()).isEqualTo("FORBIDDEN");
        assertThat(patient.api().get(path).status()).isEqualTo(403);
        assertThat(new Api(port).get(path).status()).isEqualTo(401);
        Api.Response unknown = admin.get("/api/admin/appointments/no-such-appointment");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("APPOINTMENT_NOT_FOUND");
    }

    @Test
    void theList_showsNameAndMaskedId_andFiltersByPatient() {
        Api admin = new Api(port).admin();
        String scheduleId = admin.openSchedule(5, 1_000);
        Api.Patient alice = new Api(port).patient();
        Api.Patient bob = new Api(port).patient();
        String alices = Api.expect(alice.book(scheduleId), 201).text("appointmentId");
        String bobs = Api.expect(bob.book(scheduleId), 201).text("appointmentId");
        // the schedule's read model follows its events: wait until it knows the schedule
        await().atMost(WAIT).until(() -> new Api(port).get("/api/schedules/" + scheduleId).status() == 200);
        JsonNode schedule = Api.expect(new Api(port).get("/api/schedules/" + scheduleId), 200).body();
        String listPath = "/api/admin/appointments?doctorId=" + schedule.path("doctorId").asText();
        await().atMost(WAIT).until(() -> admin.get(listPath).body().path("total").asLong() == 2);

        JsonNode all = Api.expect(admin.get(listPath), 200).body();
        assertThat(ids(all.path("items"))).containsExactlyInAnyOrder(alices, bobs);
        for (JsonNode item : all.path("items")) {
            Api.Patient who = item.path("appointmentId").asText().equals(alices) ? alice : bob;
            assertThat(item.path("patientName").asText()).isEqualTo("张三");
            assertThat(item.path("patientIdNumberMasked").asText()).matches(MASKED_ID).isEqualTo(maskedId(who));
        }

        JsonNode onlyBob = Api.expect(admin.get(listPath + "&patientId=" + bob.patientId()), 200).body();
        assertThat(onlyBob.path("total").asLong()).isEqualTo(1);
        assertThat(ids(onlyBob.path("items"))).containsExactly(bobs);
        JsonNode byPatientAlone = Api.expect(admin.get("/api/admin/appointments?patientId=" + alice.patientId()), 200)
                .body();
        assertThat(ids(byPatientAlone.path("items"))).containsExactly(alices);
        assertThat(Api.expect(admin.get("/api/admin/appointments?patientId=nobody"), 200).body()
                .path("total").asLong()).isZero();
    }

    @Test
    void anUnknownQueryParameter_is400_namingIt_onEveryQuerySideList() {
        Api admin = new Api(port).admin();
        Api.Patient patient = new Api(port).patient();
        for (String path : List.of("/api/admin/appointments?patinetId=x", "/api/admin/appointments?date=2026-01-01&foo=1",
                "/api/admin/top-ups?kindd=OUTPATIENT", "/api/admin/payments?patinetId=x", "/api/admin/refunds?stauts=FAILED",
                "/api/admin/bills?foo=1", "/api/admin/invoices?foo=1")) {
            Api.Response refused = admin.get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.code()).as(path).isEqualTo("UNKNOWN_PARAMETER");
            String name = path.substring(path.lastIndexOf('&') > 0 ? path.lastIndexOf('&') + 1 : path.indexOf('?') + 1,
                    path.lastIndexOf('='));
            assertThat(refused.text("detail")).as(path).contains("'" + name + "'");
        }
        Api.Response mine = patient.api().get("/api/me/appointments?patientId=" + patient.patientId() + "&sort=date");
        assertThat(mine.status()).isEqualTo(400);
        assertThat(mine.code()).isEqualTo("UNKNOWN_PARAMETER");
        assertThat(new Api(port).get("/api/departments?foo=1").code()).isEqualTo("UNKNOWN_PARAMETER");
        // the known ones still work
        assertThat(admin.get("/api/admin/appointments?status=HELD&size=10").status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/top-ups?kind=OUTPATIENT&from=2026-01-01&to=2026-12-31").status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/payments?from=2026-01-01&status=PAID").status()).isEqualTo(200);
    }
}
