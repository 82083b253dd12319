package com.yihuiliao.command.notification;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Cursor;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The inbox (消息) and the parked list, read from {@code notification}. The inbox is the account's — WeChat's
 * recipient is the account's openid — and each message names the patient it is about, so the mini-program shows
 * one patient's or all of them.
 */
@Component
class Inbox {

    /** One message: {@code data} the template's keys and values; {@code delivery} how WeChat took it (PENDING, SENT, REFUSED, …). */
    record Message(String messageId, String patientId, NotificationKind kind, String subjectId, Map<String, String> data,
                   String delivery, Instant createdAt, Instant readAt) {
    }

    /** A notification whose last delivery attempt failed, for operators. */
    record Parked(String notificationId, NotificationKind kind, String subjectId, String patientId, int attempts,
                  String lastError, Instant createdAt) {
    }

    private static final RowMapper<Message> MESSAGE = (rs, n) -> new Message(rs.getString("id"), rs.getString("patient_id"),
            NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject_id"), Notifications.data(rs.getString("data")),
            rs.getString("status"), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("read_at")));
    private static final RowMapper<Parked> PARKED = (rs, n) -> new Parked(rs.getString("id"),
            NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject_id"), rs.getString("patient_id"),
            rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's messages, newest first; only about {@code patientId} when given. */
    ListPage<Message> messages(String accountId, String patientId, String cursor, int size) {
        StringBuilder where = new StringBuilder(" WHERE account_id = ?");
        List<Object> args = new ArrayList<>(List.of(accountId));
        if (patientId != null) {
            where.append(" AND patient_id = ?");
            args.add(patientId);
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM notification" + where, Long.class, args.toArray());
        if (cursor != null) {
            List<String> key = Cursor.decode("messages", cursor, 2);
            where.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            Timestamp at = timestamp(key.get(0));
            args.addAll(List.of(at, at, key.get(1)));
        }
        args.add(size + 1);
        List<Message> rows = jdbc.query("SELECT * FROM notification" + where + " ORDER BY created_at DESC, id DESC LIMIT ?",
                MESSAGE, args.toArray());
        return ListPage.ofRows("messages", rows, size, m -> new Object[] {m.createdAt(), m.messageId()}, total, null);
    }

    /** Marks it read (once; a repeat keeps the first time), or 404 for one not the account's. */
    void markRead(String accountId, String messageId) {
        if (jdbc.update("UPDATE notification SET read_at = COALESCE(read_at, ?) WHERE id = ? AND account_id = ?",
                Notifications.now(), messageId, accountId) == 0) {
            throw new BusinessRuleViolation(ErrorCode.MESSAGE_NOT_FOUND);
        }
    }

    /** Parked notifications, oldest first. */
    ListPage<Parked> parked(String cursor, int size) {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE status = 'PARKED'", Long.class);
        List<Object> args = new ArrayList<>();
        String after = "";
        if (cursor != null) {
            List<String> key = Cursor.decode("parked-notifications", cursor, 2);
            after = " AND (created_at > ? OR (created_at = ? AND id > ?))";
            Timestamp at = timestamp(key.get(0));
            args.addAll(List.of(at, at, key.get(1)));
        }
        args.add(size + 1);
        List<Parked> rows = jdbc.query("SELECT * FROM notification WHERE status = 'PARKED'" + after
                + " ORDER BY created_at, id LIMIT ?", PARKED, args.toArray());
        return ListPage.ofRows("parked-notifications", rows, size, p -> new Object[] {p.createdAt(), p.notificationId()},
                total, null);
    }

    private static Timestamp timestamp(String text) {
        try {
            return Timestamp.from(Instant.parse(text));
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
