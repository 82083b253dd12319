package com.yihuiliao.command.announcement;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.announcement.AnnouncementEdited;
import com.yihuiliao.api.announcement.AnnouncementPublished;
import com.yihuiliao.api.announcement.AnnouncementStatus;
import com.yihuiliao.api.announcement.AnnouncementWithdrawn;
import com.yihuiliao.command.text.TextRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announcements (公告) are plain reference data in table {@code announcement}; each change is also
 * published as an event, in the same transaction, so the read model on every node follows it.
 * A withdrawn announcement is final: editing or withdrawing it again answers as an unknown one.
 */
@Service
public class Announcements {

    static final int TITLE_MAX = 100;
    static final int BODY_MAX = 5000;
    static final int STAFF_MAX = 80;

    private final JdbcTemplate jdbc;
    private final EventGateway events;
    private final Clock clock = Clock.systemUTC();

    Announcements(JdbcTemplate jdbc, EventGateway events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Publishes a new announcement; answers its id. */
    @Transactional
    public String publish(String title, String body, Instant activeFrom, Instant activeUntil, boolean pinned,
                          String staff) {
        Content content = Content.of(title, body, activeFrom, activeUntil);
        String by = staff(staff);
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO announcement (id, title, body, active_from, active_until, pinned, status, "
                        + "published_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, content.title(),
                content.body(), utc(content.activeFrom()), utc(content.activeUntil()), pinned,
                AnnouncementStatus.PUBLISHED.name(), by, utc(clock.instant()));
        events.publish(new AnnouncementPublished(id, content.title(), content.body(), content.activeFrom(),
                content.activeUntil(), pinned, by));
        return id;
    }

    /** Replaces a published announcement's content and active period. */
    @Transactional
    public void edit(String announcementId, String title, String body, Instant activeFrom, Instant activeUntil,
                     boolean pinned, String staff) {
        Content content = Content.of(title, body, activeFrom, activeUntil);
        String by = staff(staff);
        // the conditional update takes the row lock: an edit and a withdrawal of one announcement
        // run one after the other, and their events follow in that order
        int updated = jdbc.update("UPDATE announcement SET title = ?, body = ?, active_from = ?, active_until = ?, "
                        + "pinned = ?, updated_at = ? WHERE id = ? AND status = ?", content.title(), content.body(),
                utc(content.activeFrom()), utc(content.activeUntil()), pinned, utc(clock.instant()), announcementId,
                AnnouncementStatus.PUBLISHED.name());
        if (updated == 0) {
            throw new BusinessRuleViolation(ErrorCode.ANNOUNCEMENT_NOT_FOUND);
        }
        events.publish(new AnnouncementEdited(announcementId, content.title(), content.body(), content.activeFrom(),
                content.activeUntil(), pinned, by));
    }

    /** Withdraws a published announcement; it is no longer shown. */
    @Transactional
    public void withdraw(String announcementId, String staff) {
        String by = staff(staff);
        int updated = jdbc.update("UPDATE announcement SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                AnnouncementStatus.WITHDRAWN.name(), utc(clock.instant()), announcementId,
                AnnouncementStatus.PUBLISHED.name());
        if (updated == 0) {
            throw new BusinessRuleViolation(ErrorCode.ANNOUNCEMENT_NOT_FOUND);
        }
        events.publish(new AnnouncementWithdrawn(announcementId, by));
    }

    /** Checked content; instants are cut to microseconds, what the table keeps, so the event says the same. */
    record Content(String title, String body, Instant activeFrom, Instant activeUntil) {

        static Content of(String title, String body, Instant activeFrom, Instant activeUntil) {
            if (title == null || title.isBlank() || title.length() > TITLE_MAX) {
                throw invalid("The title is required and has at most " + TITLE_MAX + " characters.");
            }
            if (body == null || body.isBlank() || body.length() > BODY_MAX) {
                throw invalid("The body is required and has at most " + BODY_MAX + " characters.");
            }
            if (activeFrom == null) {
                throw invalid("activeFrom is required.");
            }
            Instant from = activeFrom.truncatedTo(ChronoUnit.MICROS);
            Instant until = activeUntil == null ? null : activeUntil.truncatedTo(ChronoUnit.MICROS);
            if (until != null && !until.isAfter(from)) {
                throw invalid("activeUntil must be after activeFrom (leave it empty for no end).");
            }
            return new Content(TextRules.checkedText("title", title, false), TextRules.checkedText("body", body, true),
                    from, until);
        }
    }

    private static String staff(String staff) {
        if (staff == null || staff.isBlank() || staff.length() > STAFF_MAX) {
            throw new BusinessRuleViolation(ErrorCode.UNAUTHENTICATED, "The staff member could not be identified.");
        }
        return staff;
    }

    private static BusinessRuleViolation invalid(String message) {
        return new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, message);
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null
                : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
