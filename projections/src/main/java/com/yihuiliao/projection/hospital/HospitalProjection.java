package com.yihuiliao.projection.hospital;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.hospital.Article;
import com.yihuiliao.api.hospital.ArticleCategory;
import com.yihuiliao.api.hospital.ArticleRemoved;
import com.yihuiliao.api.hospital.ArticleSaved;
import com.yihuiliao.api.hospital.ArticleSummary;
import com.yihuiliao.api.hospital.Campus;
import com.yihuiliao.api.hospital.CampusRemoved;
import com.yihuiliao.api.hospital.CampusSaved;
import com.yihuiliao.api.hospital.FindArticle;
import com.yihuiliao.api.hospital.FindArticleCategories;
import com.yihuiliao.api.hospital.FindArticles;
import com.yihuiliao.api.hospital.FindCampuses;
import com.yihuiliao.api.hospital.FindHospitalIntroduction;
import com.yihuiliao.api.hospital.FindVisitGuide;
import com.yihuiliao.api.hospital.FindVisitGuides;
import com.yihuiliao.api.hospital.HospitalIntroduction;
import com.yihuiliao.api.hospital.HospitalIntroductionSaved;
import com.yihuiliao.api.hospital.VisitGuide;
import com.yihuiliao.api.hospital.VisitGuideRemoved;
import com.yihuiliao.api.hospital.VisitGuideSaved;
import com.yihuiliao.api.hospital.VisitGuideSummary;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.Utc;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hospital information. Each event carries the whole state of one thing, so each row is replaced only by a newer
 * event's (its {@code updated_at}), and a removal is a flag that a newer save clears: whatever the redelivery, the
 * row ends as the last change made.
 */
@Component
@ProcessingGroup(HospitalProjection.GROUP)
public class HospitalProjection {

    public static final String GROUP = "hospital-view";
    /** The most campuses, guide pages or categories a list holds. */
    static final int LIST_LIMIT = 200;
    private static final String INTRODUCTION = "HOSPITAL";

    private static final Keyset<ArticleSummary> NEWEST_FIRST = new Keyset<>("articles",
            a -> new Object[]{a.updatedAt(), a.articleId()},
            Keyset.desc("updated_at", Keyset.Type.INSTANT), Keyset.desc("article_id", Keyset.Type.STRING));

    private final JdbcTemplate jdbc;

    HospitalProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HospitalIntroductionSaved e, @Timestamp Instant at) {
        upsert("UPDATE hospital_introduction_view SET html = ?, updated_at = ? WHERE id = ? AND updated_at < ?",
                new Object[]{e.html(), stamp(at), INTRODUCTION, stamp(at)},
                "INSERT INTO hospital_introduction_view (id, html, updated_at) VALUES (?, ?, ?)",
                new Object[]{INTRODUCTION, e.html(), stamp(at)});
    }

    @EventHandler
    void on(CampusSaved e, @Timestamp Instant at) {
        upsert("UPDATE campus_view SET name = ?, address = ?, phone = ?, latitude = ?, longitude = ?, sort_order = ?, "
                        + "removed = FALSE, updated_at = ? WHERE campus_id = ? AND updated_at < ?",
                new Object[]{e.name(), e.address(), e.phone(), e.latitude(), e.longitude(), e.sortOrder(), stamp(at),
                        e.campusId(), stamp(at)},
                "INSERT INTO campus_view (campus_id, name, address, phone, latitude, longitude, sort_order, removed, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?)",
                new Object[]{e.campusId(), e.name(), e.address(), e.phone(), e.latitude(), e.longitude(), e.sortOrder(),
                        stamp(at)});
    }

    @EventHandler
    void on(CampusRemoved e, @Timestamp Instant at) {
        remove("campus_view", "campus_id", e.campusId(), at);
    }

    @EventHandler
    void on(VisitGuideSaved e, @Timestamp Instant at) {
        upsert("UPDATE visit_guide_view SET title = ?, html = ?, sort_order = ?, removed = FALSE, updated_at = ? "
                        + "WHERE guide_id = ? AND updated_at < ?",
                new Object[]{e.title(), e.html(), e.sortOrder(), stamp(at), e.guideId(), stamp(at)},
                "INSERT INTO visit_guide_view (guide_id, title, html, sort_order, removed, updated_at) "
                        + "VALUES (?, ?, ?, ?, FALSE, ?)",
                new Object[]{e.guideId(), e.title(), e.html(), e.sortOrder(), stamp(at)});
    }

    @EventHandler
    void on(VisitGuideRemoved e, @Timestamp Instant at) {
        remove("visit_guide_view", "guide_id", e.guideId(), at);
    }

    @EventHandler
    void on(ArticleSaved e, @Timestamp Instant at) {
        upsert("UPDATE article_view SET category = ?, title = ?, summary = ?, html = ?, plain_text = ?, removed = FALSE, "
                        + "updated_at = ? WHERE article_id = ? AND updated_at < ?",
                new Object[]{e.category(), e.title(), e.summary(), e.html(), e.text(), stamp(at), e.articleId(),
                        stamp(at)},
                "INSERT INTO article_view (article_id, category, title, summary, html, plain_text, removed, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)",
                new Object[]{e.articleId(), e.category(), e.title(), e.summary(), e.html(), e.text(), stamp(at)});
    }

    @EventHandler
    void on(ArticleRemoved e, @Timestamp Instant at) {
        remove("article_view", "article_id", e.articleId(), at);
    }

    /** A removal is a flag, newer than the save it removes (a late redelivered save cannot bring it back). */
    private void remove(String table, String idColumn, String id, Instant at) {
        jdbc.update("UPDATE " + table + " SET removed = TRUE, updated_at = ? WHERE " + idColumn
                + " = ? AND updated_at < ?", stamp(at), id, stamp(at));
    }

    /** Replaces an older row, or adds the row; a newer row already there stays. */
    private void upsert(String update, Object[] updateArgs, String insert, Object[] insertArgs) {
        if (jdbc.update(update, updateArgs) == 0) {
            try {
                jdbc.update(insert, insertArgs);
            } catch (DuplicateKeyException newerOneThere) {
                // the row reflects a later change
            }
        }
    }

    /** The tables keep microseconds: compare at that precision, or a redelivery would look newer. */
    private static LocalDateTime stamp(Instant at) {
        return Utc.of(at.truncatedTo(ChronoUnit.MICROS));
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("hospital_introduction_view", "campus_view", "visit_guide_view", "article_view")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    @QueryHandler
    HospitalIntroduction handle(FindHospitalIntroduction q) {
        return jdbc.query("SELECT html, updated_at FROM hospital_introduction_view WHERE id = ?",
                (rs, i) -> new HospitalIntroduction(rs.getString("html"), Utc.read(rs, "updated_at")), INTRODUCTION)
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    List<Campus> handle(FindCampuses q) {
        return jdbc.query("SELECT * FROM campus_view WHERE removed = FALSE ORDER BY sort_order, campus_id LIMIT "
                + LIST_LIMIT, (rs, i) -> new Campus(rs.getString("campus_id"), rs.getString("name"),
                rs.getString("address"), rs.getString("phone"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                rs.getInt("sort_order"), BaiduMaps.markerUrl(rs.getDouble("latitude"), rs.getDouble("longitude"),
                rs.getString("name"), rs.getString("address"))));
    }

    @QueryHandler
    List<VisitGuideSummary> handle(FindVisitGuides q) {
        return jdbc.query("SELECT guide_id, title, sort_order FROM visit_guide_view WHERE removed = FALSE "
                + "ORDER BY sort_order, guide_id LIMIT " + LIST_LIMIT, (rs, i) -> new VisitGuideSummary(
                rs.getString("guide_id"), rs.getString("title"), rs.getInt("sort_order")));
    }

    @QueryHandler
    VisitGuide handle(FindVisitGuide q) {
        return jdbc.query("SELECT * FROM visit_guide_view WHERE guide_id = ? AND removed = FALSE",
                (rs, i) -> new VisitGuide(rs.getString("guide_id"), rs.getString("title"), rs.getString("html"),
                        rs.getInt("sort_order"), Utc.read(rs, "updated_at")), q.guideId())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    ListPage<ArticleSummary> handle(FindArticles q) {
        StringBuilder where = new StringBuilder(" WHERE removed = FALSE");
        List<Object> args = new ArrayList<>();
        if (q.category() != null) {
            where.append(" AND category = ?");
            args.add(q.category());
        }
        if (q.text() != null) {
            // the search words are data, never patterns: LIKE's own characters are escaped
            String like = "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" AND (title LIKE ? OR summary LIKE ? OR plain_text LIKE ?)");
            args.addAll(List.of(like, like, like));
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM article_view" + where, Long.class, args.toArray());
        return NEWEST_FIRST.page(jdbc, "SELECT article_id, category, title, summary, updated_at FROM article_view",
                where.toString(), args, (rs, i) -> new ArticleSummary(rs.getString("article_id"),
                        rs.getString("category"), rs.getString("title"), rs.getString("summary"),
                        Utc.read(rs, "updated_at")), q.cursor(), q.size(), total == null ? 0 : total, null);
    }

    @QueryHandler
    Article handle(FindArticle q) {
        return jdbc.query("SELECT * FROM article_view WHERE article_id = ? AND removed = FALSE",
                (rs, i) -> new Article(rs.getString("article_id"), rs.getString("category"), rs.getString("title"),
                        rs.getString("summary"), rs.getString("html"), Utc.read(rs, "updated_at")), q.articleId())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    List<ArticleCategory> handle(FindArticleCategories q) {
        return jdbc.query("SELECT category, COUNT(*) AS articles FROM article_view WHERE removed = FALSE "
                + "GROUP BY category ORDER BY category LIMIT " + LIST_LIMIT, (rs, i) -> new ArticleCategory(
                rs.getString("category"), rs.getLong("articles")));
    }
}
