package com.yihuiliao.sandbox.bench;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ResourceId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark only, never in a normal deployment: the plain-SQL booking that bench/run.sh compares
 * the event-sourced booking with, served through the same HTTP stack (Tomcat, Jackson,
 * validation, problem details). A booking is one conditional UPDATE of the slot counter and an
 * INSERT of the appointment, in one transaction. Its tables come from db/bench, which Flyway
 * reads only when told to.
 */
@RestController
@ConditionalOnProperty(name = "yihuiliao.bench.baseline", havingValue = "true")
public class BaselineBookingController {

    private final JdbcTemplate jdbc;

    BaselineBookingController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record CreateSchedule(@NotNull @Min(1) @Max(10_000) Integer capacity) {
    }

    record CreatedSchedule(String scheduleId, int capacity) {
    }

    record BookRequest(@NotBlank @ResourceId String scheduleId,
                       @NotBlank @ResourceId String patientId) {
    }

    record Booked(String appointmentId) {
    }

    record SlotView(String scheduleId, int capacity, int remaining, long booked) {
    }

    @PostMapping("/bench/baseline/schedules")
    ResponseEntity<CreatedSchedule> createSchedule(@Valid @RequestBody CreateSchedule request) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO bench_slot (id, capacity, remaining) VALUES (?, ?, ?)",
                id, request.capacity(), request.capacity());
        return ResponseEntity.created(URI.create("/bench/baseline/schedules/" + id))
                .body(new CreatedSchedule(id, request.capacity()));
    }

    @PostMapping("/bench/baseline/appointments")
    @Transactional
    public ResponseEntity<Booked> book(@Valid @RequestBody BookRequest request) {
        int taken = jdbc.update("UPDATE bench_slot SET remaining = remaining - 1 WHERE id = ? AND remaining > 0",
                request.scheduleId());
        if (taken == 0) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_FULL);
        }
        String appointmentId = UUID.randomUUID().toString();
        try {
            jdbc.update("INSERT INTO bench_appointment (id, schedule_id, patient_id, booked_at) VALUES (?, ?, ?, ?)",
                    appointmentId, request.scheduleId(), request.patientId(), Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException sameSchedule) {
            // the exception rolls the counter back with it
            throw new BusinessRuleViolation(ErrorCode.ALREADY_HOLDS_SCHEDULE);
        }
        return ResponseEntity.created(URI.create("/bench/baseline/appointments/" + appointmentId))
                .body(new Booked(appointmentId));
    }

    /** For the benchmark's after-check: the counter and the appointments actually written. */
    @GetMapping("/bench/baseline/schedules/{scheduleId}")
    ResponseEntity<SlotView> schedule(@PathVariable @ResourceId String scheduleId) {
        List<SlotView> found = jdbc.query("SELECT s.id, s.capacity, s.remaining, "
                        + "(SELECT COUNT(*) FROM bench_appointment a WHERE a.schedule_id = s.id) "
                        + "FROM bench_slot s WHERE s.id = ?",
                (rs, i) -> new SlotView(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)), scheduleId);
        if (found.isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_NOT_FOUND);
        }
        return ResponseEntity.ok(found.get(0));
    }
}
