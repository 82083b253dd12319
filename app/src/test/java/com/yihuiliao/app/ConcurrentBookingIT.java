package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The release-time race: many patients, few slots, never overbooked. */
class ConcurrentBookingIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** Runs attempts from 32 concurrent clients; answers how many got each HTTP status and code. */
    static Map<String, Long> race(int attempts, Function<Integer, Api.Response> attempt) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Api.Response>> tasks = IntStream.range(0, attempts)
                    .<Callable<Api.Response>>mapToObj(i -> () -> attempt.apply(i)).toList();
            List<Future<Api.Response>> results = clients.invokeAll(tasks);
            return results.stream().map(f -> {
                try {
                    Api.Response r = f.get();
                    return r.status() + (r.code() == null ? "" : " " + r.code());
                } catch (Exception e) {
                    return "client error " + e;
                }
            }).collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        } finally {
            clients.shutdownNow();
        }
    }

    /** Many patients, each of their own account, logged in concurrently. */
    static List<Api.Patient> patients(Api anonymous, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Api.Patient>> made = clients.invokeAll(IntStream.range(0, count)
                    .<Callable<Api.Patient>>mapToObj(i -> anonymous::patient).toList());
            List<Api.Patient> patients = new java.util.ArrayList<>();
            for (Future<Api.Patient> patient : made) {
                patients.add(patient.get());
            }
            return patients;
        } finally {
            clients.shutdownNow();
        }
    }

    static void assertExactlyBooked(Map<String, Long> outcome, long capacity, int attempts) {
        assertThat(outcome.get("201")).as(outcome.toString()).isEqualTo(capacity);
        assertThat(outcome.get("409 SCHEDULE_FULL")).as(outcome.toString()).isEqualTo(attempts - capacity);
    }

    @Test
    void threeHundredPatientsRaceForThirtySlots() throws Exception {
        Api admin = new Api(port).admin();
        String scheduleId = admin.openSchedule(30, 3000);
        List<Api.Patient> patients = patients(new Api(port), 300);

        Map<String, Long> outcome = race(300, i -> patients.get(i).book(scheduleId));

        assertExactlyBooked(outcome, 30, 300);
        assertThat(holdsInEventStore(scheduleId)).isEqualTo(30);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/schedules/" + scheduleId).body()
                .path("remaining").asInt(-1) == 0);
    }

    @Autowired
    org.springframework.data.redis.core.StringRedisTemplate redis;

    @Test
    void aColdGateIsSeededFromTheScheduleItself() throws Exception {
        Api admin = new Api(port).admin();
        String scheduleId = admin.openSchedule(5, 3000);
        List<Api.Patient> patients = patients(new Api(port), 13);
        // the gate follower has seeded the new schedule's gate
        await().atMost(Duration.ofSeconds(20)).until(() -> redis.hasKey("gate:schedule:" + scheduleId));
        Api.expect(patients.get(0).book(scheduleId), 201);
        Api.expect(patients.get(1).book(scheduleId), 201);

        redis.delete("gate:schedule:" + scheduleId); // Redis lost its data
        Api.expect(patients.get(2).book(scheduleId), 201);
        assertThat(redis.<String, String>opsForHash().get("gate:schedule:" + scheduleId, "remaining")).isEqualTo("2");

        Map<String, Long> outcome = race(10, i -> patients.get(3 + i).book(scheduleId));
        assertExactlyBooked(outcome, 2, 10);
        assertThat(holdsInEventStore(scheduleId)).isEqualTo(5);
    }

    @Test
    void onePatientsConcurrentBookingsInOneDepartmentOnOneDayStopAtTheLimit() throws Exception {
        // this context's limits: 3 a day, 3 per department, 3 per doctor (fixed at start); eight schedules of one
        // department on one date, each of its own doctor, so only the day's and the department's counters bind
        Api admin = new Api(port).admin();
        String department = admin.department();
        java.time.LocalDate date = java.time.LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE).plusDays(2);
        List<String> schedules = IntStream.range(0, 8)
                .mapToObj(i -> admin.schedule(admin.doctor(department, 3000), date, "MORNING", 2)).toList();
        Api.Patient patient = new Api(port).patient();

        Map<String, Long> outcome = race(8, i -> patient.book(schedules.get(i)));

        assertThat(outcome.get("201")).as(outcome.toString()).isEqualTo(3);
        assertThat(outcome.entrySet().stream().filter(e -> !e.getKey().equals("201"))
                .allMatch(e -> e.getKey().equals("409 DAILY_LIMIT_REACHED")
                        || e.getKey().equals("409 DEPARTMENT_DAILY_LIMIT_REACHED"))).as(outcome.toString()).isTrue();
        // nothing half-written: three holds in all, counted once each, and the schedules' remaining add up
        assertThat(schedules.stream().mapToLong(this::holdsInEventStore).sum()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT booked FROM patient_daily_booking WHERE patient_id = ? AND visit_date = ?",
                Integer.class, patient.patientId(), date)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT booked FROM patient_daily_scope_booking WHERE patient_id = ? "
                + "AND visit_date = ? AND scope = ?", Integer.class, patient.patientId(), date, "D:" + department))
                .isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> schedules.stream()
                .mapToInt(id -> admin.get("/api/schedules/" + id).body().path("remaining").asInt(-100)).sum() == 16 - 3);
    }

    private long holdsInEventStore(String scheduleId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Long.class, scheduleId, com.yihuiliao.api.schedule.SlotHeld.class.getName());
    }
}
