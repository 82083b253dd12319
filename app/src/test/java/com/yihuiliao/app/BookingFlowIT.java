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

/** Whole booking flows through the HTTP API of the booted system. */
class BookingFlowIT extends IntegrationTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private JsonNode schedule(String scheduleId) {
        return api.get("/api/schedules/" + scheduleId).body();
    }

    private void awaitRemaining(String scheduleId, int remaining) {
        await().atMost(Duration.ofSeconds(20)).until(() -> schedule(scheduleId).path("remaining").asInt(-1) == remaining);
    }

    private JsonNode awaitStatus(String patientId, String appointmentId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(
                api.get("/api/patients/" + patientId + "/appointments/" + appointmentId).body()
                        .path("appointment").path("status").asText()));
        return api.get("/api/patients/" + patientId + "/appointments/" + appointmentId).body();
    }

    @Test
    void bookListCancelAndTheSlotReturns() {
        String scheduleId = api.openSchedule(5, 3000);
        awaitRemaining(scheduleId, 5);

        Api.Response booked = expect(api.book(scheduleId, "pat-a"), 201);
        String appointmentId = booked.text("appointmentId");
        assertThat(booked.text("status")).isEqualTo("HELD");
        assertThat(booked.body().path("remaining").asInt()).isEqualTo(4);
        awaitRemaining(scheduleId, 4);

        JsonNode mine = api.get("/api/patients/pat-a/appointments").body();
        assertThat(mine.findValuesAsText("appointmentId")).contains(appointmentId);

        expect(api.post("/api/appointments/" + appointmentId + "/cancel", "{\"patientId\":\"pat-a\",\"reason\":\"改期\"}"), 200);
        JsonNode detail = awaitStatus("pat-a", appointmentId, "CANCELLED");
        assertThat(detail.path("history").findValuesAsText("status")).containsExactly("HELD", "CANCELLED");
        assertThat(detail.path("history").get(1).path("reason").asText()).contains("改期");
        awaitRemaining(scheduleId, 5);

        // the same patient may book the released schedule again
        expect(api.book(scheduleId, "pat-a"), 201);
    }

    @Test
    void anotherPatientSeesNothingAndCannotCancel() {
        String scheduleId = api.openSchedule(5, 3000);
        String appointmentId = expect(api.book(scheduleId, "owner-1"), 201).text("appointmentId");
        awaitStatus("owner-1", appointmentId, "HELD");

        assertThat(api.get("/api/patients/intruder/appointments/" + appointmentId).status()).isEqualTo(404);
        Api.Response cancel = api.post("/api/appointments/" + appointmentId + "/cancel", "{\"patientId\":\"intruder\"}");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.code()).isEqualTo("APPOINTMENT_NOT_FOUND");
    }

    @Test
    void aFreeScheduleConfirmsAtOnceAndAPaidOneOnConfirm() {
        String freeSchedule = api.openSchedule(3, 0);
        Api.Response free = expect(api.book(freeSchedule, "pat-free"), 201);
        assertThat(free.text("status")).isEqualTo("CONFIRMED");

        String paidSchedule = api.openSchedule(3, 5000);
        String appointmentId = expect(api.book(paidSchedule, "pat-paid"), 201).text("appointmentId");
        expect(api.post("/api/admin/appointments/" + appointmentId + "/confirm", "{\"paymentReference\":\"wx-123\"}"), 200);
        // the payment flow may repeat itself
        expect(api.post("/api/admin/appointments/" + appointmentId + "/confirm", "{\"paymentReference\":\"wx-123\"}"), 200);
        JsonNode detail = awaitStatus("pat-paid", appointmentId, "CONFIRMED");
        assertThat(detail.path("history").findValuesAsText("status")).containsExactly("HELD", "CONFIRMED");
    }

    @Test
    void suspendingAScheduleCancelsEveryAppointmentWithTheReason() {
        String scheduleId = api.openSchedule(5, 3000);
        List<String> appointments = new ArrayList<>();
        for (String patient : List.of("sus-1", "sus-2", "sus-3")) {
            appointments.add(expect(api.book(scheduleId, patient), 201).text("appointmentId"));
        }
        expect(api.post("/api/admin/schedules/" + scheduleId + "/suspend", "{\"reason\":\"医生临时出诊\"}"), 200);

        for (int i = 0; i < appointments.size(); i++) {
            JsonNode detail = awaitStatus("sus-" + (i + 1), appointments.get(i), "CANCELLED");
            assertThat(detail.path("history").get(1).path("reason").asText()).contains("hospital").contains("医生临时出诊");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> schedule(scheduleId).path("suspended").asBoolean());
        Api.Response refused = api.book(scheduleId, "sus-4");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SCHEDULE_SUSPENDED");
    }

    @Test
    void aFullScheduleAndARepeatedPatientAreRefused() {
        String scheduleId = api.openSchedule(1, 3000);
        expect(api.book(scheduleId, "full-1"), 201);
        Api.Response again = api.book(scheduleId, "full-1");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isIn("ALREADY_HOLDS_SCHEDULE", "SCHEDULE_FULL");
        Api.Response full = api.book(scheduleId, "full-2");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.code()).isEqualTo("SCHEDULE_FULL");

        String roomy = api.openSchedule(3, 3000);
        expect(api.book(roomy, "twice"), 201);
        Api.Response twice = api.book(roomy, "twice");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("ALREADY_HOLDS_SCHEDULE");
    }

    @Test
    void aPatientReachesTheDailyLimit() {
        String department = api.department();
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(3);
        List<String> schedules = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            schedules.add(api.schedule(api.doctor(department, 1000), date, "AFTERNOON", 5));
        }
        for (int i = 0; i < 3; i++) {
            expect(api.book(schedules.get(i), "busy-patient"), 201);
        }
        Api.Response fourth = api.book(schedules.get(3), "busy-patient");
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.code()).isEqualTo("DAILY_LIMIT_REACHED");
        // a refused booking leaves nothing behind: the slot is still free
        assertThat(api.book(schedules.get(3), "someone-else").status()).isEqualTo(201);
    }

    @Test
    void bookingRulesDecideWhenADateOpensAndUntilWhenItCanBeCancelled() {
        String department = api.department();
        // this department opens dates only on the day itself, and allows no cancellation in the last 24 hours
        expect(api.put("/api/admin/booking-rules/" + department,
                "{\"daysAhead\":0,\"releaseTime\":\"00:00\",\"stopMinutesBefore\":0,\"cancelMinutesBefore\":1440}"), 200);
        String doctor = api.doctor(department, 1000);
        LocalDate today = LocalDate.now(Clocks.HOSPITAL_ZONE);

        String later = api.schedule(doctor, today.plusDays(3), "MORNING", 5);
        Api.Response notYet = api.book(later, "rules-1");
        assertThat(notYet.status()).isEqualTo(422);
        assertThat(notYet.code()).isEqualTo("BOOKING_NOT_OPEN");

        String tonight = api.schedule(doctor, today.plusDays(1), "EVENING", 5);
        // tomorrow evening is not open under these rules either; widen the window and the schedule is re-timed
        expect(api.put("/api/admin/booking-rules/" + department,
                "{\"daysAhead\":2,\"releaseTime\":\"00:00\",\"stopMinutesBefore\":0,\"cancelMinutesBefore\":2880}"), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.book(tonight, "rules-2").status() == 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/patients/rules-2/appointments").body().size() == 1);
        String appointmentId = api.get("/api/patients/rules-2/appointments").body().get(0).path("appointmentId").asText();
        Api.Response tooLate = api.post("/api/appointments/" + appointmentId + "/cancel", "{\"patientId\":\"rules-2\"}");
        assertThat(tooLate.status()).isEqualTo(422);
        assertThat(tooLate.code()).isEqualTo("CANCEL_DEADLINE_PASSED");
    }

    @Test
    void aRetriedRequestBooksOnce() {
        String scheduleId = api.openSchedule(5, 3000);
        String body = "{\"scheduleId\":\"" + scheduleId + "\",\"patientId\":\"retry-1\",\"requestId\":\"req-42\"}";
        String first = expect(api.post("/api/appointments", body), 201).text("appointmentId");
        String second = expect(api.post("/api/appointments", body), 201).text("appointmentId");
        assertThat(second).isEqualTo(first);
        awaitRemaining(scheduleId, 4);
    }

    @Test
    void staffListAppointmentsByDateDepartmentDoctorAndStatus() {
        String department = api.department();
        String doctor = api.doctor(department, 1000);
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(4);
        String scheduleId = api.schedule(doctor, date, "MORNING", 5);
        expect(api.book(scheduleId, "list-1"), 201);
        expect(api.book(scheduleId, "list-2"), 201);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/admin/appointments?date=" + date
                + "&departmentId=" + department + "&doctorId=" + doctor + "&status=HELD").body().path("total").asInt() == 2);
        JsonNode none = api.get("/api/admin/appointments?departmentId=" + department + "&status=CONFIRMED").body();
        assertThat(none.path("total").asInt()).isZero();
    }

    @Test
    void catalogueIsPublicAndFollowsChanges() {
        String department = api.department();
        String doctor = api.doctor(department, 1500);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/doctors/" + doctor).status() == 200);
        assertThat(api.get("/api/doctors?departmentId=" + department).body().findValuesAsText("doctorId")).containsExactly(doctor);

        expect(api.put("/api/admin/doctors/" + doctor, "{\"departmentId\":\"" + department
                + "\",\"name\":\"改名医生\",\"feeFen\":2500}"), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/doctors/" + doctor).body().path("feeFen").asLong() == 2500);
        assertThat(api.get("/api/departments").body().findValuesAsText("departmentId")).contains(department);
    }
}
