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

    static void assertExactlyBooked(Map<String, Long> outcome, long capacity, int attempts) {
        assertThat(outcome.get("201")).as(outcome.toString()).isEqualTo(capacity);
        assertThat(outcome.get("409 SCHEDULE_FULL")).as(outcome.toString()).isEqualTo(attempts - capacity);
    }

    @Test
    void threeHundredPatientsRaceForThirtySlots() throws Exception {
        Api api = new Api(port);
        String scheduleId = api.openSchedule(30, 3000);

        Map<String, Long> outcome = race(300, i -> api.book(scheduleId, "racer-" + i));

        assertExactlyBooked(outcome, 30, 300);
        assertThat(holdsInEventStore(scheduleId)).isEqualTo(30);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/schedules/" + scheduleId).body()
                .path("remaining").asInt(-1) == 0);
    }

    @Autowired
    org.springframework.data.redis.core.StringRedisTemplate redis;

    @Test
    void aColdGateIsSeededFromTheScheduleItself() throws Exception {
        Api api = new Api(port);
        String scheduleId = api.openSchedule(5, 3000);
        Api.expect(api.book(scheduleId, "cold-1"), 201);
        Api.expect(api.book(scheduleId, "cold-2"), 201);

        redis.delete("gate:schedule:" + scheduleId); // Redis lost its data
        Api.expect(api.book(scheduleId, "cold-3"), 201);
        assertThat(redis.<String, String>opsForHash().get("gate:schedule:" + scheduleId, "remaining")).isEqualTo("2");

        Map<String, Long> outcome = race(10, i -> api.book(scheduleId, "cold-race-" + i));
        assertExactlyBooked(outcome, 2, 10);
        assertThat(holdsInEventStore(scheduleId)).isEqualTo(5);
    }

    private long holdsInEventStore(String scheduleId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Long.class, scheduleId, com.yihuiliao.api.schedule.SlotHeld.class.getName());
    }
}
