package com.yihuiliao.command.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.command.integration.ExternalRecords;
import com.yihuiliao.command.patient.Patients;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications (table {@code notification}, also the patients' inbox) and their delivery. A notification is
 * written once per kind, subject and patient (its unique {@code dedup_key}), in the same transaction as the
 * db-scheduler task that delivers it ({@link NotificationTasks#DELIVERY}), so neither a redelivered event nor a
 * second node writes or sends it twice; each recipient has its own task, retried and parked on its own.
 */
@Component
public class Notifications {

    /** A delivery that failed in a way a later attempt may cure: db-scheduler retries it with backoff. */
    static class DeliveryFailed extends RuntimeException {
        DeliveryFailed(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Patients patients;
    private final Notifier notifier;
    private final NotificationSettings settings;
    private final ObjectProvider<SchedulerClient> scheduler;

    Notifications(JdbcTemplate jdbc, Patients patients, Notifier notifier, NotificationSettings settings,
                  ObjectProvider<SchedulerClient> scheduler) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.notifier = notifier;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    /** Records the notification and schedules its delivery, unless it exists already; answers its id, if any. */
    @Transactional
    public Optional<String> notify(NotificationKind kind, String subjectId, String patientId, Map<String, String> data) {
        Optional<String> accountId = patients.accountOf(patientId);
        if (accountId.isEmpty()) {
            log.warn("No account for patient {}: {} of {} not recorded", patientId, kind, subjectId);
            return Optional.empty();
        }
        String dedupKey = kind + ":" + subjectId + ":" + patientId;
        String id = "NT" + ExternalRecords.sha256(dedupKey.getBytes(StandardCharsets.UTF_8)).substring(0, 30);
        try {
            jdbc.update("INSERT INTO notification (id, dedup_key, account_id, patient_id, kind, subject_id, data, status,"
                            + " attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)",
                    id, dedupKey, accountId.get(), patientId, kind.name(), subjectId, json(data), now());
        } catch (DuplicateKeyException e) {
            return Optional.of(id); // told already: a redelivered event, another node, a repeated reminder
        }
        scheduleDelivery(id);
        return Optional.of(id);
    }

    private void scheduleDelivery(String id) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(NotificationTasks.DELIVERY, id, id), instant());
    }

    /** One delivery attempt; a failure a retry may cure throws {@link DeliveryFailed} after counting the attempt. */
    void deliver(String id) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT account_id, kind, data, status FROM notification WHERE id = ?", id);
        if (rows.isEmpty() || !"PENDING".equals(rows.get(0).get("status"))) {
            return;
        }
        Map<String, Object> row = rows.get(0);
        String accountId = (String) row.get("account_id");
        NotificationKind kind = NotificationKind.valueOf((String) row.get("kind"));
        if (optedOut(accountId, kind)) {
            finish(id, "OPTED_OUT", null);
            return;
        }
        String templateId = settings.templates().get(kind);
        List<String> openids = jdbc.queryForList("SELECT openid FROM user_account WHERE id = ?", String.class, accountId);
        if (templateId == null || templateId.isBlank() || openids.isEmpty()) {
            finish(id, "NO_RECIPIENT", templateId == null || templateId.isBlank() ? "no template" : "no openid");
            return;
        }
        Notifier.Result result = notifier.send(new Notifier.Message(openids.get(0), templateId, settings.page(),
                data((String) row.get("data"))));
        switch (result.outcome()) {
            case SENT -> finish(id, "SENT", null);
            case REFUSED -> finish(id, "REFUSED", "errcode " + result.errcode());
            case FAILED -> {
                jdbc.update("UPDATE notification SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                        "errcode " + result.errcode(), id);
                throw new DeliveryFailed("notification " + id + ": errcode " + result.errcode());
            }
        }
    }

    /** After the last retry: parked, where operators see it ({@code GET /api/admin/notifications/parked}). */
    void park(String id) {
        log.warn("Notification {} parked after its last delivery attempt", id);
        jdbc.update("UPDATE notification SET status = 'PARKED' WHERE id = ? AND status = 'PENDING'", id);
    }

    /** An operator's retry of a parked notification: delivered again from its first attempt. */
    @Transactional
    public void retry(String id) {
        if (jdbc.update("UPDATE notification SET status = 'PENDING', attempts = 0 WHERE id = ? AND status = 'PARKED'", id) == 0) {
            boolean exists = !jdbc.queryForList("SELECT id FROM notification WHERE id = ?", String.class, id).isEmpty();
            throw new BusinessRuleViolation(exists ? ErrorCode.NOTIFICATION_NOT_PARKED : ErrorCode.NOT_FOUND);
        }
        scheduleDelivery(id);
    }

    boolean optedOut(String accountId, NotificationKind kind) {
        return !jdbc.queryForList("SELECT kind FROM notification_opt_out WHERE account_id = ? AND kind = ?", String.class,
                accountId, kind.name()).isEmpty();
    }

    private void finish(String id, String status, String error) {
        jdbc.update("UPDATE notification SET status = ?, last_error = ?, delivered_at = ? WHERE id = ? AND status = 'PENDING'",
                status, error, now(), id);
    }

    static Map<String, String> data(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification data unreadable", e);
        }
    }

    private static String json(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Timestamp now() {
        return Timestamp.from(GenericEventMessage.clock.instant());
    }

    static Instant instant() {
        return GenericEventMessage.clock.instant();
    }
}
