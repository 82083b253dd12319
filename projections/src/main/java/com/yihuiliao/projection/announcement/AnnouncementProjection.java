package com.yihuiliao.projection.announcement;

import com.yihuiliao.api.announcement.AnnouncementAdminView;
import com.yihuiliao.api.announcement.AnnouncementEdited;
import com.yihuiliao.api.announcement.AnnouncementPublished;
import com.yihuiliao.api.announcement.AnnouncementStatus;
import com.yihuiliao.api.announcement.AnnouncementSummary;
import com.yihuiliao.api.announcement.AnnouncementWithdrawn;
import com.yihuiliao.api.announcement.FindActiveAnnouncements;
import com.yihuiliao.api.announcement.FindAllAnnouncements;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.Utc;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Announcements: the active ones for patients, all of them for staff.
 *
 * <p>The events are published through the EventGateway and carry no aggregate sequence, so every
 * row keeps the timestamp of the last publication or edit it reflects ({@code updated_at}) and its
 * content is only replaced by a newer one: a redelivered event changes nothing, and an event retried
 * late from the dead-letter queue does not undo a newer one. A withdrawal is final. Every event can
 * create the row, so the view converges whatever the order the events arrive in.
 */
@Component
@ProcessingGroup(AnnouncementProjection.GROUP)
public class AnnouncementProjection {

    public static final String GROUP = "announcement-view";

    /** The most announcements patients are shown at once. */
    static final int ACTIVE_LIMIT = 200;

    private static final String PUBLISHED = AnnouncementStatus.PUBLISHED.name();
    private static final String WITHDRAWN = AnnouncementStatus.WITHDRAWN.name();
    private static final LocalDateTime PLACEHOLDER = LocalDateTime.of(1970, 1, 1, 0, 0);

    private static final RowMapper<AnnouncementSummary> SUMMARY = (rs, i) -> new AnnouncementSummary(
            rs.getString("id"), rs.getString("title"), rs.getString("body"), Utc.read(rs, "active_from"),
            Utc.read(rs, "active_until"), rs.getBoolean("pinned"));
    private static final RowMapper<AnnouncementAdminView> ADMIN = (rs, i) -> new AnnouncementAdminView(
            rs.getString("id"), rs.getString("title"), rs.getString("body"), Utc.read(rs, "active_from"),
            Utc.read(rs, "active_until"), rs.getBoolean("pinned"), AnnouncementStatus.valueOf(rs.getString("status")),
            rs.getString("published_by"));
    private static final Keyset<AnnouncementAdminView> ALL = new Keyset<>("announcements",
            a -> new Object[]{a.activeFrom(), a.announcementId()},
            Keyset.desc("active_from", Keyset.Type.INSTANT), Keyset.asc("id", Keyset.Type.STRING));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    AnnouncementProjection(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    /** With a clock of its own, for tests. */
    AnnouncementProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(AnnouncementPublished e, @Timestamp Instant at) {
        LocalDateTime stamp = stamp(at);
        if (!insert(e.announcementId(), e.title(), e.body(), e.activeFrom(), e.activeUntil(), e.pinned(), PUBLISHED,
                e.publishedBy(), stamp)) {
            // the row came first from a later event: it has no publisher yet, and perhaps older content
            jdbc.update("UPDATE announcement_view SET published_by = ? WHERE id = ?", e.publishedBy(),
                    e.announcementId());
            content(e.announcementId(), e.title(), e.body(), e.activeFrom(), e.activeUntil(), e.pinned(), stamp);
        }
    }

    @EventHandler
    void on(AnnouncementEdited e, @Timestamp Instant at) {
        LocalDateTime stamp = stamp(at);
        // the publisher is not known until AnnouncementPublished arrives, should it come later
        if (!insert(e.announcementId(), e.title(), e.body(), e.activeFrom(), e.activeUntil(), e.pinned(), PUBLISHED,
                e.editedBy(), stamp)) {
            content(e.announcementId(), e.title(), e.body(), e.activeFrom(), e.activeUntil(), e.pinned(), stamp);
        }
    }

    @EventHandler
    void on(AnnouncementWithdrawn e, @Timestamp Instant at) {
        // updated_at stays the stamp of the content: an edit made before the withdrawal but retried
        // after it still applies
        if (jdbc.update("UPDATE announcement_view SET status = ? WHERE id = ?", WITHDRAWN, e.announcementId()) == 0) {
            // withdrawn before its publication reached this view: a placeholder older than any
            // content, which the publication fills in when it comes
            insert(e.announcementId(), "", "", at, null, false, WITHDRAWN, e.withdrawnBy(), PLACEHOLDER);
        }
    }

    private boolean insert(String id, String title, String body, Instant activeFrom, Instant activeUntil,
                           boolean pinned, String status, String by, LocalDateTime stamp) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM announcement_view WHERE id = ?", Integer.class, id);
        if (exists != null && exists > 0) {
            return false;
        }
        jdbc.update("INSERT INTO announcement_view (id, title, body, active_from, active_until, pinned, status, "
                        + "published_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, title, body,
                utc(activeFrom), utc(activeUntil), pinned, status, by, stamp);
        return true;
    }

    /** Replaces the content only with a newer event's; the status stays (a withdrawal is final). */
    private void content(String id, String title, String body, Instant activeFrom, Instant activeUntil, boolean pinned,
                         LocalDateTime stamp) {
        jdbc.update("UPDATE announcement_view SET title = ?, body = ?, active_from = ?, active_until = ?, pinned = ?, "
                        + "updated_at = ? WHERE id = ? AND updated_at < ?", title, body, utc(activeFrom),
                utc(activeUntil), pinned, stamp, id, stamp);
    }

    /** The table keeps microseconds: compare at that precision, or a redelivery would look newer. */
    private static LocalDateTime stamp(Instant at) {
        return utc(at);
    }

    /** Cut to microseconds here rather than rounded by the database, so "now" compares exactly. */
    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : Utc.of(instant.truncatedTo(ChronoUnit.MICROS));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM announcement_view");
    }

    @QueryHandler
    List<AnnouncementSummary> handle(FindActiveAnnouncements query) {
        LocalDateTime now = utc(clock.instant());
        return jdbc.query("SELECT * FROM announcement_view WHERE status = ? AND active_from <= ? "
                        + "AND (active_until IS NULL OR active_until > ?) "
                        + "ORDER BY pinned DESC, active_from DESC, id LIMIT " + ACTIVE_LIMIT,
                SUMMARY, PUBLISHED, now, now);
    }

    @QueryHandler
    ListPage<AnnouncementAdminView> handle(FindAllAnnouncements q) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM announcement_view", Long.class);
        return ALL.page(jdbc, "SELECT * FROM announcement_view", "", List.of(), ADMIN, q.cursor(), q.size(),
                total == null ? 0 : total, null);
    }
}
