package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.Clocks;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Schedulers at work: a schedule's fee and capacity changed, and a schedule nobody booked cancelled. */
class ScheduleEditingIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
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

    private String gateRemaining(String scheduleId) {
        return redis.<String, String>opsForHash().get("gate:schedule:" + scheduleId, "remaining");
    }

    private long fee(Api.Patient patient, String appointmentId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> patient.api().get("/api/me/appointments/" + appointmentId)
                .status() == 200);
        return patient.api().get("/api/me/appointments/" + appointmentId).body().path("appointment").path("feeFen")
                .asLong(-1);
    }

    @Test
    void aNewFeeIsForNewBookingsOnly() {
        String scheduleId = admin.openSchedule(5, 3000);
        Api.Patient before = anonymous.patient();
        String booked = expect(before.book(scheduleId), 201).text("appointmentId");

        Api.Response edited = expect(admin.patch("/api/admin/schedules/" + scheduleId, "{\"feeFen\":4500}"), 200);
        assertThat(edited.body().path("feeFen").asLong()).isEqualTo(4500);
        assertThat(edited.body().path("capacity").asInt()).isEqualTo(5);
        assertThat(edited.body().path("remaining").asInt()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(20)).until(() -> schedule(scheduleId).path("feeFen").asLong() == 4500);

        Api.Patient after = anonymous.patient();
        String bookedAfter = expect(after.book(scheduleId), 201).text("appointmentId");
        assertThat(fee(before, booked)).isEqualTo(3000);
        assertThat(fee(after, bookedAfter)).isEqualTo(4500);
        // and what is paid is the appointment's fee: the balance pays 4500 for the new one
        expect(admin.counterTopUp(after.patientId(), 10_000), 200);
        Api.Response paid = expect(after.payWithBalance(bookedAfter), 200);
        assertThat(paid.body().path("amountFen").asLong()).isEqualTo(4500);
        assertThat(paid.body().path("balanceAfterFen").asLong()).isEqualTo(5500);
    }

    @Test
    void capacityGoesDownToTheHeldSlotsAndTheGateFollows() {
        String scheduleId = admin.openSchedule(5, 3000);
        await().atMost(Duration.ofSeconds(20)).until(() -> "5".equals(gateRemaining(scheduleId)));
        expect(anonymous.patient().book(scheduleId), 201);
        expect(anonymous.patient().book(scheduleId), 201);

        Api.Response below = admin.patch("/api/admin/schedules/" + scheduleId, "{\"capacity\":1}");
        assertThat(below.status()).isEqualTo(409);
        assertThat(below.code()).isEqualTo("CAPACITY_BELOW_HELD");
        assertThat(below.text("detail")).contains("2 slots are held");

        Api.Response reduced = expect(admin.patch("/api/admin/schedules/" + scheduleId, "{\"capacity\":2}"), 200);
        assertThat(reduced.body().path("remaining").asInt()).isZero();
        // the gate knows before any booking tries: the crowd is refused in Redis
        await().atMost(Duration.ofSeconds(20)).until(() -> "0".equals(gateRemaining(scheduleId)));
        Api.Response full = anonymous.patient().book(scheduleId);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.code()).isEqualTo("SCHEDULE_FULL");
        await().atMost(Duration.ofSeconds(20)).until(() -> schedule(scheduleId).path("capacity").asInt() == 2
                && schedule(scheduleId).path("remaining").asInt() == 0);

        // and up again through the same edit
        expect(admin.patch("/api/admin/schedules/" + scheduleId, "{\"capacity\":3}"), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "1".equals(gateRemaining(scheduleId)));
        expect(anonymous.patient().book(scheduleId), 201);
    }

    @Test
    void editsAreValidatedAndLeftToSchedulers() {
        String scheduleId = admin.openSchedule(3, 3000);
        Api.Response nothing = admin.patch("/api/admin/schedules/" + scheduleId, "{}");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.patch("/api/admin/schedules/" + scheduleId, "{\"capacity\":0}").status()).isEqualTo(400);
        assertThat(admin.patch("/api/admin/schedules/" + scheduleId, "{\"feeFen\":-1}").status()).isEqualTo(400);
        Api.Response unknown = admin.patch("/api/admin/schedules/no-such-schedule", "{\"feeFen\":100}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("SCHEDULE_NOT_FOUND");

        Api scheduler = admin.newStaff("SCHEDULER", null);
        expect(scheduler.patch("/api/admin/schedules/" + scheduleId, "{\"feeFen\":100}"), 200);
        Api finance = admin.newStaff("FINANCE", null);
        assertThat(finance.patch("/api/admin/schedules/" + scheduleId, "{\"feeFen\":200}").status()).isEqualTo(403);
        assertThat(finance.post("/api/admin/schedules/" + scheduleId + "/cancel", "{}").status()).isEqualTo(403);

        expect(admin.post("/api/admin/schedules/" + scheduleId + "/suspend", "{\"reason\":\"医生出差\"}"), 200);
        Api.Response suspended = admin.patch("/api/admin/schedules/" + scheduleId, "{\"feeFen\":100}");
        assertThat(suspended.status()).isEqualTo(409);
        assertThat(suspended.code()).isEqualTo("SCHEDULE_SUSPENDED");
    }

    @Test
    void aScheduleWithBookingsIsNotCancelled() {
        String scheduleId = admin.openSchedule(3, 3000);
        Api.Patient patient = anonymous.patient();
        String appointmentId = expect(patient.book(scheduleId), 201).text("appointmentId");

        Api.Response refused = admin.post("/api/admin/schedules/" + scheduleId + "/cancel", "{\"reason\":\"排错了\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SCHEDULE_IN_USE");
        assertThat(refused.text("detail")).contains("suspend");
        expect(patient.book(admin.openSchedule(1, 0)), 201); // unrelated: the system carries on

        // once the patient cancelled, nobody holds a slot: now it can go
        expect(patient.api().post("/api/appointments/" + appointmentId + "/cancel",
                "{\"patientId\":\"" + patient.patientId() + "\"}"), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.post("/api/admin/schedules/" + scheduleId + "/cancel",
                "{}").status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.get("/api/schedules/" + scheduleId).status() == 404);
    }

    @Test
    void aCancelledScheduleIsGoneFromListsAndBooking() {
        String department = admin.department();
        String doctor = admin.doctor(department, 2000);
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(2);
        String scheduleId = admin.schedule(doctor, date, "AFTERNOON", 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> gateRemaining(scheduleId) != null);

        expect(admin.post("/api/admin/schedules/" + scheduleId + "/cancel", "{\"reason\":\"排错了\"}"), 200);
        expect(admin.post("/api/admin/schedules/" + scheduleId + "/cancel", "{}"), 200); // repeats

        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.get("/api/schedules/" + scheduleId).status() == 404);
        assertThat(anonymous.get("/api/schedules?doctorId=" + doctor + "&from=" + date + "&to=" + date).items()
                .findValuesAsText("scheduleId")).doesNotContain(scheduleId);
        await().atMost(Duration.ofSeconds(20)).until(() -> gateRemaining(scheduleId) == null);
        Api.Response booking = anonymous.patient().book(scheduleId);
        assertThat(booking.status()).isEqualTo(409);
        assertThat(booking.code()).isEqualTo("SCHEDULE_CANCELLED");
        Api.Response edit = admin.patch("/api/admin/schedules/" + scheduleId, "{\"capacity\":9}");
        assertThat(edit.code()).isEqualTo("SCHEDULE_CANCELLED");

        // the doctor's afternoon is free again: a schedule can be published for it
        String again = admin.schedule(doctor, date, "AFTERNOON", 6);
        expect(anonymous.patient().book(again), 201);
    }

    /** A scheduler reduces capacity while a crowd books: whichever wins, never more holds than capacity. */
    @Test
    void capacityReducedDuringARaceIsNeverOverbooked() throws Exception {
        String scheduleId = admin.openSchedule(60, 3000);
        List<Api.Patient> patients = ConcurrentBookingIT.patients(new Api(port), 150);
        await().atMost(Duration.ofSeconds(20)).until(() -> "60".equals(gateRemaining(scheduleId)));

        ExecutorService scheduler = Executors.newSingleThreadExecutor();
        Map<String, Long> outcome;
        Api.Response reduction;
        try {
            Future<Api.Response> reducing = scheduler.submit(() -> {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                        .until(() -> holdsInEventStore(scheduleId) >= 5);
                return admin.patch("/api/admin/schedules/" + scheduleId, "{\"capacity\":30}");
            });
            outcome = ConcurrentBookingIT.race(150, i -> patients.get(i).book(scheduleId));
            reduction = reducing.get();
        } finally {
            scheduler.shutdownNow();
        }

        // refused only if 30 were already held when it came
        assertThat(reduction.status()).as(reduction.body().toString()).isIn(200, 409);
        int capacity = reduction.status() == 200 ? 30 : 60;
        if (reduction.status() == 409) {
            assertThat(reduction.code()).isEqualTo("CAPACITY_BELOW_HELD");
        }
        ConcurrentBookingIT.assertExactlyBooked(outcome, capacity, 150);
        assertThat(holdsInEventStore(scheduleId)).isEqualTo(capacity);
        await().atMost(Duration.ofSeconds(20)).until(() -> schedule(scheduleId).path("capacity").asInt() == capacity
                && schedule(scheduleId).path("remaining").asInt() == 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> "0".equals(gateRemaining(scheduleId)));
    }

    private long holdsInEventStore(String scheduleId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Long.class, scheduleId, com.yihuiliao.api.schedule.SlotHeld.class.getName());
    }
}
