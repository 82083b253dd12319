package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.queue.QueueNumbering;
import com.yihuiliao.api.queue.QueueRejoinRule;
import com.yihuiliao.command.queue.QueueSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 签到取号 / 叫号 through HTTP: patients check in on the visit day and get numbers, staff and the session's doctor call
 * them, pass and rejoin them; each patient sees their own place only. The visit day is two days ahead (booking is open
 * then): the check-ins run on the aggregates' clock moved to 09:00 of that day, and nothing else.
 */
class QueueIT extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    QueueSettings settings;

    @AfterEach
    void restoreSettings() {
        settings.setNumbering(QueueNumbering.CHECK_IN_ORDER);
        settings.setRejoin(QueueRejoinRule.AFTER_NEXT_N);
        settings.setRejoinAfter(3);
    }

    static LocalDate visitDay() {
        return LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(2);
    }

    /** Runs {@code during} with Axon's clock (what the aggregates read) at 09:00 of the visit day, still ticking. */
    static <T> T atNineOnVisitDay(Supplier<T> during) {
        Clock before = GenericEventMessage.clock;
        Instant nine = visitDay().atTime(LocalTime.of(9, 0)).atZone(Clocks.HOSPITAL_ZONE).toInstant();
        GenericEventMessage.clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), nine));
        try {
            return during.get();
        } finally {
            GenericEventMessage.clock = before;
        }
    }

    static Api.Response checkIn(Api.Patient patient, String appointmentId) {
        return patient.api().post("/api/appointments/" + appointmentId + "/check-in",
                "{\"patientId\":\"" + patient.patientId() + "\"}");
    }

    static Api.Response callNext(Api staff, String scheduleId, int currentNumber) {
        return staff.post("/api/admin/schedules/" + scheduleId + "/queue/call-next",
                "{\"currentNumber\":" + currentNumber + "}");
    }

    static Api.Response act(Api staff, String scheduleId, String appointmentId, String action) {
        return staff.post("/api/admin/schedules/" + scheduleId + "/queue/" + appointmentId + "/" + action, "{}");
    }

    /** The patient's place; waits for a 200, since the read also asks the patients' ownership, another projection. */
    static JsonNode place(Api.Patient patient, String appointmentId) {
        return await().atMost(WAIT).until(() -> patient.api().get("/api/me/appointments/" + appointmentId + "/queue"),
                response -> response.status() == 200).body();
    }

    @Test
    void patientsCheckInForNumbersAndTheDoctorCallsPassesAndRejoinsThem() {
        Api admin = new Api(port).admin();
        String department = admin.department();
        String doctorId = admin.doctor(department, 0);
        Api doctor = admin.newStaff("DOCTOR", doctorId);
        Api otherDoctor = admin.newStaff("DOCTOR", admin.doctor(department, 0));
        Api scheduler = admin.newStaff("SCHEDULER", null);
        Api finance = admin.newStaff("FINANCE", null);
        String scheduleId = admin.schedule(doctorId, visitDay(), "MORNING", 10);
        List<Api.Patient> patients = new ArrayList<>();
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Api.Patient patient = new Api(port).patient();
            patients.add(patient);
            appointments.add(expect(patient.book(scheduleId), 201).text("appointmentId")); // free: confirmed at once
        }

        // two days before the visit the window is not open
        assertThat(expect(checkIn(patients.get(0), appointments.get(0)), 422).code()).isEqualTo("CHECK_IN_NOT_OPEN");
        assertThat(expect(callNext(scheduler, scheduleId, 0), 404).code()).isEqualTo("QUEUE_NOT_FOUND");

        atNineOnVisitDay(() -> {
            for (int i = 0; i < 5; i++) {
                JsonNode ticket = expect(checkIn(patients.get(i), appointments.get(i)), 200).body();
                assertThat(ticket.path("number").asInt()).isEqualTo(i + 1);
                assertThat(ticket.path("state").asText()).isEqualTo("WAITING");
            }
            assertThat(expect(checkIn(patients.get(0), appointments.get(0)), 409).code()).isEqualTo("ALREADY_CHECKED_IN");
            return null;
        });

        // each patient sees their own place; another account's appointment is unknown to them
        await().atMost(WAIT).until(() -> doctor.get("/api/admin/schedules/" + scheduleId + "/queue").body()
                .path("waiting").asInt() == 5);
        assertThat(place(patients.get(2), appointments.get(2)).path("ahead").asInt()).isEqualTo(2);
        assertThat(place(patients.get(2), appointments.get(2)).path("number").asInt()).isEqualTo(3);
        assertThat(expect(patients.get(0).api().get("/api/me/appointments/" + appointments.get(2) + "/queue"), 404)
                .code()).isEqualTo("QUEUE_ENTRY_NOT_FOUND");

        // the queue's screen: schedulers and the session's doctor; finance and other doctors are refused
        JsonNode screen = expect(doctor.get("/api/admin/schedules/" + scheduleId + "/queue"), 200).body();
        assertThat(screen.path("waiting").asInt()).isEqualTo(5);
        assertThat(screen.path("entries").findValuesAsText("appointmentId")).containsExactlyElementsOf(appointments);
        expect(scheduler.get("/api/admin/schedules/" + scheduleId + "/queue"), 200);
        assertThat(finance.get("/api/admin/schedules/" + scheduleId + "/queue").status()).isEqualTo(403);
        assertThat(otherDoctor.get("/api/admin/schedules/" + scheduleId + "/queue").status()).isEqualTo(403);
        assertThat(finance.post("/api/admin/schedules/" + scheduleId + "/queue/call-next", "{\"currentNumber\":0}")
                .status()).isEqualTo(403);
        assertThat(expect(callNext(otherDoctor, scheduleId, 0), 403).code()).isEqualTo("FORBIDDEN");
        assertThat(expect(doctor.post("/api/admin/schedules/" + scheduleId + "/queue/call-next", "{}"), 400).code())
                .isEqualTo("VALIDATION_FAILED");

        // 叫号: a retried call answers the same patient and skips nobody
        assertThat(expect(callNext(doctor, scheduleId, 0), 200).text("appointmentId")).isEqualTo(appointments.get(0));
        assertThat(expect(callNext(doctor, scheduleId, 0), 200).text("number")).isEqualTo("1");
        assertThat(expect(act(doctor, scheduleId, appointments.get(3), "seen"), 409).code())
                .isEqualTo("QUEUE_ENTRY_NOT_CALLED");
        expect(act(doctor, scheduleId, appointments.get(0), "seen"), 200);
        assertThat(expect(callNext(doctor, scheduleId, 1), 200).text("number")).isEqualTo("2");
        // a screen that still shows 0 is told the queue moved on
        assertThat(expect(callNext(scheduler, scheduleId, 0), 409).code()).isEqualTo("QUEUE_CHANGED");
        // 2 does not come: passed; comes back and waits after the next one waiting (the rule set at run time)
        expect(act(doctor, scheduleId, appointments.get(1), "pass"), 200);
        expect(act(doctor, scheduleId, appointments.get(1), "pass"), 200);
        assertThat(expect(act(doctor, scheduleId, appointments.get(0), "rejoin"), 409).code()) // seen: done
                .isEqualTo("QUEUE_ENTRY_NOT_PASSED");
        settings.setRejoinAfter(1);
        assertThat(expect(act(scheduler, scheduleId, appointments.get(1), "rejoin"), 200).text("state"))
                .isEqualTo("WAITING");
        assertThat(expect(callNext(doctor, scheduleId, 2), 200).text("number")).isEqualTo("3");
        assertThat(expect(callNext(doctor, scheduleId, 3), 200).text("number")).isEqualTo("2");

        // the line was 5, 4, 3, 3, 4, 3 long: 2 waiting is the last call projected (4 and 5 wait)
        await().atMost(WAIT).until(() -> scheduler.get("/api/admin/schedules/" + scheduleId + "/queue").body()
                .path("waiting").asInt() == 2);
        assertThat(place(patients.get(1), appointments.get(1)).path("state").asText()).isEqualTo("CALLED");
        JsonNode last = place(patients.get(4), appointments.get(4));
        assertThat(last.path("ahead").asInt()).isEqualTo(1); // only 4 waits before 5
        assertThat(last.path("currentNumber").asInt()).isEqualTo(2);
        JsonNode seen = place(patients.get(0), appointments.get(0));
        assertThat(seen.path("state").asText()).isEqualTo("SEEN");
        // the called are told, each call once
        await().atMost(WAIT).until(() -> patients.get(1).api().get("/api/me/messages?patientId="
                + patients.get(1).patientId()).items().findValuesAsText("kind").stream()
                .filter("PATIENT_CALLED"::equals).count() == 2);
        assertThat(patients.get(0).api().get("/api/me/messages?patientId=" + patients.get(0).patientId()).items()
                .findValuesAsText("kind").stream().filter("PATIENT_CALLED"::equals).count()).isEqualTo(1);
    }

    @Test
    void byBookingOrderTheNumberIsTheBookingsPlace() {
        settings.setNumbering(QueueNumbering.BOOKING_ORDER);
        Api admin = new Api(port).admin();
        String scheduleId = admin.schedule(admin.doctor(admin.department(), 0), visitDay(), "MORNING", 5);
        List<Api.Patient> patients = new ArrayList<>();
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Patient patient = new Api(port).patient();
            patients.add(patient);
            appointments.add(expect(patient.book(scheduleId), 201).text("appointmentId"));
        }
        atNineOnVisitDay(() -> {
            assertThat(expect(checkIn(patients.get(2), appointments.get(2)), 200).text("number")).isEqualTo("3");
            assertThat(expect(checkIn(patients.get(0), appointments.get(0)), 200).text("number")).isEqualTo("1");
            return null;
        });
        // the first booked is called first, though they came second
        Api scheduler = admin.newStaff("SCHEDULER", null);
        assertThat(expect(callNext(scheduler, scheduleId, 0), 200).text("appointmentId")).isEqualTo(appointments.get(0));
    }

    /** Thirty patients check in at the same moment: thirty different numbers, 1 to 30 without a gap. */
    @Test
    void concurrentCheckInsNeverShareANumber() throws Exception {
        Api admin = new Api(port).admin();
        String scheduleId = admin.schedule(admin.doctor(admin.department(), 0), visitDay(), "MORNING", 30);
        List<Api.Patient> patients = ConcurrentBookingIT.patients(new Api(port), 30);
        List<String> appointments = new ArrayList<>();
        for (Api.Patient patient : patients) {
            appointments.add(expect(patient.book(scheduleId), 201).text("appointmentId"));
        }
        List<Integer> numbers = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> outcome = atNineOnVisitDay(() -> {
            try {
                return ConcurrentBookingIT.race(30, i -> {
                    Api.Response response = checkIn(patients.get(i), appointments.get(i));
                    if (response.status() == 200) {
                        numbers.add(response.body().path("number").asInt());
                    }
                    return response;
                });
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        assertThat(outcome).as(outcome.toString()).isEqualTo(Map.of("200", 30L));
        assertThat(numbers.stream().sorted().toList()).isEqualTo(IntStream.rangeClosed(1, 30).boxed().toList());
        Api scheduler = admin.newStaff("SCHEDULER", null);
        await().atMost(WAIT).until(() -> scheduler.get("/api/admin/schedules/" + scheduleId + "/queue").body()
                .path("waiting").asInt() == 30);
        List<Integer> shown = new ArrayList<>();
        scheduler.get("/api/admin/schedules/" + scheduleId + "/queue").body().path("entries")
                .forEach(entry -> shown.add(entry.path("number").asInt()));
        assertThat(shown).isEqualTo(IntStream.rangeClosed(1, 30).boxed().toList());
    }
}
