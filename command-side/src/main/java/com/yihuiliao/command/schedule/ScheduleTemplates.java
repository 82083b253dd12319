package com.yihuiliao.command.schedule;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.command.catalogue.Catalogue;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly templates (排班模板): a list of (day of week, period, doctor, capacity) published a week at a time.
 * Publishing is idempotent: each schedule's id follows from its doctor, date and period, so a week published
 * again finds its schedules and creates nothing new.
 */
@Service
public class ScheduleTemplates {

    /** One entry of a weekly template: a doctor's session on a day of the week, with its slots. */
    public record Entry(DayOfWeek dayOfWeek, Period period, String doctorId, int capacity) {
    }

    /** A weekly schedule template (排班模板): its id, name and entries. */
    public record Template(String templateId, String name, List<Entry> entries) {
    }

    /** One entry's outcome: PUBLISHED, EXISTING (published before, by this template or by hand) or PAST. */
    public record Outcome(LocalDate date, Period period, String doctorId, String scheduleId, String result) {
    }

    /** A week published from a template: how many schedules were created, and each entry's outcome. */
    public record WeekPublished(String templateId, LocalDate weekStart, int published, List<Outcome> schedules) {
    }

    static final int MAX_ENTRIES = 500;

    private final JdbcTemplate jdbc;
    private final Catalogue catalogue;
    private final SchedulePublisher publisher;
    private final EventStore eventStore;

    ScheduleTemplates(JdbcTemplate jdbc, Catalogue catalogue, SchedulePublisher publisher, EventStore eventStore) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.publisher = publisher;
        this.eventStore = eventStore;
    }

    /** Creates or replaces a template. */
    @Transactional
    public Template save(String templateId, String name, List<Entry> entries) {
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "A template has 1 to " + MAX_ENTRIES + " entries.");
        }
        Set<String> seen = new HashSet<>();
        for (Entry entry : entries) {
            catalogue.doctor(entry.doctorId()); // DOCTOR_NOT_FOUND for an unknown doctor
            if (!seen.add(entry.dayOfWeek() + "/" + entry.period() + "/" + entry.doctorId())) {
                throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Doctor " + entry.doctorId()
                        + " is in the template twice on " + entry.dayOfWeek() + " " + entry.period() + ".");
            }
        }
        LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC);
        if (jdbc.update("UPDATE schedule_template SET name = ?, updated_at = ? WHERE id = ?", name, now, templateId) == 0) {
            jdbc.update("INSERT INTO schedule_template (id, name, updated_at) VALUES (?, ?, ?)", templateId, name, now);
        }
        jdbc.update("DELETE FROM schedule_template_entry WHERE template_id = ?", templateId);
        for (Entry entry : entries) {
            jdbc.update("INSERT INTO schedule_template_entry (template_id, day_of_week, period, doctor_id, capacity) "
                    + "VALUES (?, ?, ?, ?, ?)", templateId, entry.dayOfWeek().name(), entry.period().name(),
                    entry.doctorId(), entry.capacity());
        }
        return find(templateId);
    }

    public Template find(String templateId) {
        List<String> names = jdbc.queryForList("SELECT name FROM schedule_template WHERE id = ?", String.class,
                templateId);
        if (names.isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.TEMPLATE_NOT_FOUND);
        }
        List<Entry> entries = jdbc.query("SELECT day_of_week, period, doctor_id, capacity FROM schedule_template_entry "
                        + "WHERE template_id = ?", (rs, i) -> new Entry(DayOfWeek.valueOf(rs.getString(1)),
                        Period.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4)), templateId);
        List<Entry> ordered = new ArrayList<>(entries);
        ordered.sort(java.util.Comparator.comparing(Entry::dayOfWeek).thenComparing(Entry::period)
                .thenComparing(Entry::doctorId));
        return new Template(templateId, names.get(0), ordered);
    }

    /** Publishes every schedule of the week starting on weekStart (a Monday); days already past are left out. */
    public WeekPublished publish(String templateId, LocalDate weekStart) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "weekStart must be a Monday; " + weekStart + " is a " + weekStart.getDayOfWeek() + ".");
        }
        Template template = find(templateId);
        LocalDate today = LocalDate.now(Clocks.HOSPITAL_ZONE);
        List<Outcome> outcomes = new ArrayList<>();
        int published = 0;
        for (Entry entry : template.entries()) {
            LocalDate date = weekStart.plusDays(entry.dayOfWeek().getValue() - 1L);
            String scheduleId = scheduleIdOf(entry.doctorId(), date, entry.period());
            if (date.isBefore(today)) {
                outcomes.add(new Outcome(date, entry.period(), entry.doctorId(), null, "PAST"));
            } else if (eventStore.lastSequenceNumberFor(scheduleId).isPresent()) {
                outcomes.add(new Outcome(date, entry.period(), entry.doctorId(), scheduleId, "EXISTING"));
            } else {
                try {
                    publisher.publish(scheduleId, entry.doctorId(), date, entry.period(), entry.capacity(), null);
                    outcomes.add(new Outcome(date, entry.period(), entry.doctorId(), scheduleId, "PUBLISHED"));
                    published++;
                } catch (RuntimeException e) {
                    if (!alreadyExists(e)) {
                        throw e;
                    }
                    // published by hand, or by a publish of this week running at the same time
                    outcomes.add(new Outcome(date, entry.period(), entry.doctorId(), null, "EXISTING"));
                }
            }
        }
        return new WeekPublished(templateId, weekStart, published, outcomes);
    }

    private static boolean alreadyExists(RuntimeException e) {
        Throwable refusal = e instanceof CommandExecutionException ? e.getCause() : e;
        return refusal instanceof BusinessRuleViolation violation && violation.code() == ErrorCode.SCHEDULE_ALREADY_EXISTS;
    }

    /** The same doctor, date and period always give the same schedule id. */
    static String scheduleIdOf(String doctorId, LocalDate date, Period period) {
        return UUID.nameUUIDFromBytes(("template/" + doctorId + "/" + date + "/" + period)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
