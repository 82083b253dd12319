package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.Clocks;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Whole booking flows through the HTTP API of the booted system, as patients and staff. */
class BookingFlowIT extends IntegrationTest {

    @LocalServerPort
    int port;
    Api anonymous;
    Api admin;

    @BeforeEach
    void clients() {
        anonymous = new Api(port);
        admin = anonymous.admin();
    }

    private JsonNode schedule(String scheduleId) {
        return anonymous.get("/api/schedules/" + scheduleId).body();
    }

    private void awaitRemaining(String scheduleId, int remaining) {
        await().atMost(Duration.ofSeconds(20)).until(() -> schedule(scheduleId).path("remaining").asInt(-1) == remaining);
    }

    static JsonNode awaitStatus(Api.Patient patient, String appointmentId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(
                patient.api().get("/api/me/appointments/" + appointmentId).body().path("appointment").path("status").asText()));
        return patient.api().get("/api/me/appointments/" + appointmentId).body();
    }

    @Test
    void bookListCancelAndTheSlotReturns() {
        String scheduleId = admin.openSchedule(5, 3000);
        awaitRemaining(scheduleId, 5);
        Api.Patient patient = anonymous.patient();

        Api.Response booked = expect(patient.book(scheduleId), 201);
        String appointmentId = booked.text("appointmentId");
        assertThat(booked.text("status")).isEqualTo("HELD");
        assertThat(booked.body().path("remaining").asInt()).isEqualTo(4);
        awaitRemaining(scheduleId, 4);

        await().atMost(Duration.ofSeconds(20)).until(() -> patient.api().get("/api/me/appointments?patientId="
                + patient.patientId()).items().findValuesAsText("appointmentId").contains(appointmentId));

        expect(patient.api().post("/api/appointments/" + appointmentId + "/cancel",
                "{\"patientId\":\"" + patient.patientId() + "\",\"reason\":\"改期\"}"), 200);
        JsonNode detail = awaitStatus(patient, appointmentId, "CANCELLED");
        assertThat(detail.path("history").findValuesAsText("status")).containsExactly("HELD", "CANCELLED");
        assertThat(detail.path("history").get(1).path("reason").asText()).contains("改期");
        awaitRemaining(scheduleId, 5);

        // the same patient may book the released schedule again
        expect(patient.book(scheduleId), 201);
    }

    @Test
    void aFreeScheduleConfirmsAtOnceAndAPaidOneOnConfirm() {
        String freeSchedule = admin.openSchedule(3, 0);
        Api.Response free = expect(anonymous.patient().book(freeSchedule), 201);
        assertThat(free.text("status")).isEqualTo("CONFIRMED");

        String paidSchedule = admin.openSchedule(3, 5000);
        Api.Patient patient = anonymous.patient();
        String appointmentId = expect(patient.book(paidSchedule), 201).text("appointmentId");
        expect(admin.post("/api/admin/appointments/" + appointmentId + "/confirm", "{\"paymentReference\":\"wx-123\"}"), 200);
        // the payment flow may repeat itself
        expect(admin.post("/api/admin/appointments/" + appointmentId + "/confirm", "{\"paymentReference\":\"wx-123\"}"), 200);
        JsonNode detail = awaitStatus(patient, appointmentId, "CONFIRMED");
        assertThat(detail.path("history").findValuesAsText("status")).containsExactly("HELD", "CONFIRMED");
    }

    @Test
    void suspendingAScheduleCancelsEveryAppointmentWithTheReason() {
        String scheduleId = admin.openSchedule(5, 3000);
        List<Api.Patient> patients = List.of(anonymous.patient(), anonymous.patient(), anonymous.patient());
        List<String> appointments = new ArrayList<>();
        for (Api.Patient patient : patients) {
            appointments.add(expect(patient.book(scheduleId), 201).text("appointmentId"));
        }
        expect(admin.post("/api/admin/schedules/" + scheduleId + "/suspend", "{\"reason\":\"医生临时出诊\"}"), 200);

        for (int i = 0; i < appointments.size(); i++) {
            JsonNode detail = awaitStatus(patients.get(i), appointments.get(i), "CANCELLED");
            // the hospital's own words, and who cancelled in the reader's language (the tests read English)
            assertThat(detail.path("history").get(1).path("reason").asText()).isEqualTo("医生临时出诊");
            assertThat(detail.path("history").get(1).path("summary").asText())
                    .isEqualTo("Cancelled by the hospital: 医生临时出诊");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> schedule(scheduleId).path("suspended").asBoolean());
        Api.Response refused = anonymous.patient().book(scheduleId);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SCHEDULE_SUSPENDED");
    }

    @Test
    void aFullScheduleAndARepeatedPatientAreRefused() {
        String scheduleId = admin.openSchedule(1, 3000);
        Api.Patient first = anonymous.patient();
        expect(first.book(scheduleId), 201);
        Api.Response again = first.book(scheduleId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isIn("ALREADY_HOLDS_SCHEDULE", "SCHEDULE_FULL");
        Api.Response full = anonymous.patient().book(scheduleId);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.code()).isEqualTo("SCHEDULE_FULL");

        String roomy = admin.openSchedule(3, 3000);
        Api.Patient twice = anonymous.patient();
        expect(twice.book(roomy), 201);
        Api.Response second = twice.book(roomy);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("ALREADY_HOLDS_SCHEDULE");
    }

    @Test
    void aPatientReachesTheDailyLimit() {
        String department = admin.department();
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(3);
        List<String> schedules = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            schedules.add(admin.schedule(admin.doctor(department, 1000), date, "AFTERNOON", 5));
        }
        Api.Patient busy = anonymous.patient();
        for (int i = 0; i < 3; i++) {
            expect(busy.book(schedules.get(i)), 201);
        }
        Api.Response fourth = busy.book(schedules.get(3));
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.code()).isEqualTo("DAILY_LIMIT_REACHED");
        // a refused booking leaves nothing behind: the slot is still free
        assertThat(anonymous.patient().book(schedules.get(3)).status()).isEqualTo(201);
    }

    @Test
    void bookingRulesDecideWhenADateOpensAndUntilWhenItCanBeCancelled() {
        String department = admin.department();
        // this department opens dates only on the day itself, and allows no cancellation in the last 24 hours
        expect(admin.put("/api/admin/booking-rules/" + department,
                "{\"daysAhead\":0,\"releaseTime\":\"00:00\",\"stopMinutesBefore\":0,\"cancelMinutesBefore\":1440}"), 200);
        String doctor = admin.doctor(department, 1000);
        LocalDate today = LocalDate.now(Clocks.HOSPITAL_ZONE);
        Api.Patient patient = anonymous.patient();

        String later = admin.schedule(doctor, today.plusDays(3), "MORNING", 5);
        Api.Response notYet = patient.book(later);
        assertThat(notYet.status()).isEqualTo(422);
        assertThat(notYet.code()).isEqualTo("BOOKING_NOT_OPEN");

        String tomorrowEvening = admin.schedule(doctor, today.plusDays(1), "EVENING", 5);
        // not open under these rules either; widen the window and the schedule is re-timed
        expect(admin.put("/api/admin/booking-rules/" + department,
                "{\"daysAhead\":2,\"releaseTime\":\"00:00\",\"stopMinutesBefore\":0,\"cancelMinutesBefore\":2880}"), 200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> patient.book(tomorrowEvening).status() == 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> patient.api().get("/api/me/appointments?patientId="
                + patient.patientId()).items().size() == 1);
        String appointmentId = patient.api().get("/api/me/appointments?patientId=" + patient.patientId()).items().get(0)
                .path("appointmentId").asText();
        Api.Response tooLate = patient.api().post("/api/appointments/" + appointmentId + "/cancel",
                "{\"patientId\":\"" + patient.patientId() + "\"}");
        assertThat(tooLate.status()).isEqualTo(422);
        assertThat(tooLate.code()).isEqualTo("CANCEL_DEADLINE_PASSED");
    }

    @Test
    void aRetriedRequestBooksOnce() {
        String scheduleId = admin.openSchedule(5, 3000);
        Api.Patient patient = anonymous.patient();
        String body = "{\"scheduleId\":\"" + scheduleId + "\",\"patientId\":\"" + patient.patientId()
                + "\",\"requestId\":\"req-42\"}";
        String first = expect(patient.api().post("/api/appointments", body), 201).text("appointmentId");
        String second = expect(patient.api().post("/api/appointments", body), 201).text("appointmentId");
        assertThat(second).isEqualTo(first);
        awaitRemaining(scheduleId, 4);
    }

    @Test
    void staffListAppointmentsByDateDepartmentDoctorAndStatus() {
        String department = admin.department();
        String doctor = admin.doctor(department, 1000);
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(4);
        String scheduleId = admin.schedule(doctor, date, "MORNING", 5);
        expect(anonymous.patient().book(scheduleId), 201);
        expect(anonymous.patient().book(scheduleId), 201);

        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/admin/appointments?date=" + date
                + "&departmentId=" + department + "&doctorId=" + doctor + "&status=HELD").body().path("total").asInt() == 2);
        JsonNode none = admin.get("/api/admin/appointments?departmentId=" + department + "&status=CONFIRMED").body();
        assertThat(none.path("total").asInt()).isZero();
    }

    @Test
    void catalogueIsPublicAndFollowsChanges() {
        String department = admin.department();
        String doctor = admin.doctor(department, 1500);
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.get("/api/doctors/" + doctor).status() == 200);
        assertThat(anonymous.get("/api/doctors?departmentId=" + department).items().findValuesAsText("doctorId"))
                .containsExactly(doctor);

        expect(admin.put("/api/admin/doctors/" + doctor, "{\"departmentId\":\"" + department
                + "\",\"name\":\"改名医生\",\"feeFen\":2500}"), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.get("/api/doctors/" + doctor).body()
                .path("feeFen").asLong() == 2500);
        assertThat(anonymous.all("/api/departments").findValuesAsText("departmentId")).contains(department);
    }

    @Test
    void aPaidAppointmentCancelledOnItsVisitDayIsASameDayRefundThatARuleMayCount() {
        Api finance = admin.newStaff("FINANCE", null);
        String defaults = expect(admin.get("/api/admin/penalty-rules"), 200).body().toString();
        // the defaults count no same-day refund: a rule that does, for this test only
        expect(admin.put("/api/admin/penalty-rules", defaults.replace("\"rules\":[", "\"rules\":[{\"name\":"
                + "\"same-day-refund\",\"counts\":[\"SAME_DAY_REFUND\"],\"window\":\"CALENDAR_MONTH\",\"count\":1,"
                + "\"banDays\":[7],\"untilWindowEnds\":false},")), 200);
        try {
            Api.Patient patient = anonymous.patient();
            expect(finance.counterTopUp(patient.patientId(), 10_000), 200);
            String scheduleId = admin.schedule(admin.doctor(admin.department(), 3000), QueueIT.visitDay(),
                    "AFTERNOON", 3);
            String appointmentId = expect(patient.book(scheduleId), 201).text("appointmentId");
            expect(patient.payWithBalance(appointmentId), 200);
            awaitStatus(patient, appointmentId, "CONFIRMED");

            // 09:00 on the visit day, before the afternoon's cancel deadline: cancelled, refunded, and counted
            QueueIT.atNineOnVisitDay(() -> expect(patient.api().post("/api/appointments/" + appointmentId + "/cancel",
                    "{\"patientId\":\"" + patient.patientId() + "\"}"), 200));
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/admin/bans?patientId="
                    + patient.patientId()).items().size() == 1);
            JsonNode ban = admin.get("/api/admin/bans?patientId=" + patient.patientId()).items().get(0);
            assertThat(ban.path("offence").asText()).isEqualTo("SAME_DAY_REFUND");
            assertThat(ban.path("rule").asText()).isEqualTo("same-day-refund");
            assertThat(ban.path("counted").asInt()).isEqualTo(1);
        } finally {
            expect(admin.put("/api/admin/penalty-rules", defaults), 200);
        }
    }
}
