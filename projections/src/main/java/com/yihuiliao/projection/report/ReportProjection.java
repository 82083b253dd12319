package com.yihuiliao.projection.report;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.report.AbnormalFlag;
import com.yihuiliao.api.report.FindPatientReports;
import com.yihuiliao.api.report.FindReport;
import com.yihuiliao.api.report.FindReportFile;
import com.yihuiliao.api.report.FindReports;
import com.yihuiliao.api.report.ReportAmended;
import com.yihuiliao.api.report.ReportContent;
import com.yihuiliao.api.report.ReportDetail;
import com.yihuiliao.api.report.ReportFile;
import com.yihuiliao.api.report.ReportItem;
import com.yihuiliao.api.report.ReportRecorded;
import com.yihuiliao.api.report.ReportReleased;
import com.yihuiliao.api.report.ReportSummary;
import com.yihuiliao.api.report.ReportType;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.Utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reports and their results. A report's events come in its aggregate's order; each row keeps the sequence it
 * reflects ({@code last_seq}) and takes only later ones, so a redelivered event changes nothing. An amendment
 * replaces the content and the results.
 */
@Component
@ProcessingGroup(ReportProjection.GROUP)
public class ReportProjection {

    public static final String GROUP = "report-view";

    private static final Keyset<ReportSummary> NEWEST_FIRST = new Keyset<>("reports",
            r -> new Object[]{r.reportedAt(), r.reportId()},
            Keyset.desc("reported_at", Keyset.Type.INSTANT), Keyset.desc("report_id", Keyset.Type.STRING));

    private final JdbcTemplate jdbc;

    ReportProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReportRecorded e, @SequenceNumber long seq) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM report_view WHERE report_id = ?", Integer.class,
                e.reportId());
        if (exists != null && exists > 0) {
            return;
        }
        ReportContent c = e.content();
        jdbc.update("INSERT INTO report_view (report_id, patient_id, type, title, reported_at, report_date, findings, "
                        + "conclusion, object_key, abnormal_items, released, version, source, external_no, recorded_by, "
                        + "last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, 1, ?, ?, ?, ?)", e.reportId(),
                e.patientId(), e.type().name(), c.title(), Utc.of(c.reportedAt()), reportDate(c.reportedAt()),
                c.findings(), c.conclusion(), c.objectKey(), abnormal(c.items()), e.source(), e.externalNo(),
                e.recordedBy(), seq);
        items(e.reportId(), c.items());
    }

    @EventHandler
    void on(ReportReleased e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("UPDATE report_view SET released = TRUE, released_at = ?, released_by = ?, last_seq = ? "
                + "WHERE report_id = ? AND last_seq < ?", Utc.of(at), e.releasedBy(), seq, e.reportId(), seq);
    }

    @EventHandler
    void on(ReportAmended e, @SequenceNumber long seq) {
        ReportContent c = e.content();
        int updated = jdbc.update("UPDATE report_view SET title = ?, reported_at = ?, report_date = ?, findings = ?, "
                        + "conclusion = ?, object_key = ?, abnormal_items = ?, version = ?, amended_by = ?, "
                        + "amend_reason = ?, last_seq = ? WHERE report_id = ? AND last_seq < ?", c.title(),
                Utc.of(c.reportedAt()), reportDate(c.reportedAt()), c.findings(), c.conclusion(), c.objectKey(),
                abnormal(c.items()), e.version(), e.amendedBy(), e.reason(), seq, e.reportId(), seq);
        if (updated > 0) {
            jdbc.update("DELETE FROM report_item_view WHERE report_id = ?", e.reportId());
            items(e.reportId(), c.items());
        }
    }

    private void items(String reportId, List<ReportItem> items) {
        for (int i = 0; i < items.size(); i++) {
            ReportItem item = items.get(i);
            jdbc.update("INSERT INTO report_item_view (report_id, position, name, result_value, unit, reference_range, "
                            + "flag) VALUES (?, ?, ?, ?, ?, ?, ?)", reportId, i + 1, item.name(), item.value(),
                    item.unit(), item.referenceRange(), item.flag() == null ? null : item.flag().name());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM report_item_view");
        jdbc.update("DELETE FROM report_view");
    }

    @QueryHandler
    ListPage<ReportSummary> handle(FindPatientReports q) {
        StringBuilder where = new StringBuilder(" WHERE patient_id = ? AND released = TRUE");
        List<Object> args = new ArrayList<>(List.of(q.patientId()));
        if (q.type() != null) {
            where.append(" AND type = ?");
            args.add(q.type().name());
        }
        if (q.from() != null) {
            where.append(" AND reported_at >= ?");
            args.add(Utc.of(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND reported_at < ?");
            args.add(Utc.of(q.to()));
        }
        return page(where.toString(), args, q.cursor(), q.size());
    }

    @QueryHandler
    ListPage<ReportSummary> handle(FindReports q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.patientId() != null) {
            where.append(" AND patient_id = ?");
            args.add(q.patientId());
        }
        if (q.type() != null) {
            where.append(" AND type = ?");
            args.add(q.type().name());
        }
        if (q.released() != null) {
            where.append(" AND released = ?");
            args.add(q.released());
        }
        return page(where.toString(), args, q.cursor(), q.size());
    }

    @QueryHandler
    ReportDetail handle(FindReport q) {
        List<ReportDetail.Result> results = jdbc.query("SELECT * FROM report_item_view WHERE report_id = ? "
                + "ORDER BY position", (rs, i) -> {
                    AbnormalFlag flag = rs.getString("flag") == null ? null : AbnormalFlag.valueOf(rs.getString("flag"));
                    return new ReportDetail.Result(rs.getString("name"), rs.getString("result_value"),
                            rs.getString("unit"), rs.getString("reference_range"), flag,
                            flag == null ? null : flag.symbol());
                }, q.reportId());
        return jdbc.query("SELECT * FROM report_view WHERE report_id = ?", (rs, i) -> new ReportDetail(
                rs.getString("report_id"), rs.getString("patient_id"), ReportType.valueOf(rs.getString("type")),
                rs.getString("title"), Utc.read(rs, "reported_at"), rs.getObject("report_date", LocalDate.class),
                results, rs.getString("findings"), rs.getString("conclusion"), rs.getString("object_key") != null,
                rs.getBoolean("released"), Utc.read(rs, "released_at"), rs.getInt("version"),
                new ReportDetail.Provenance(rs.getString("source"), rs.getString("external_no"),
                        rs.getString("recorded_by"), rs.getString("released_by"), rs.getString("amended_by"),
                        rs.getString("amend_reason"))), q.reportId()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    ReportFile handle(FindReportFile q) {
        return jdbc.query("SELECT report_id, patient_id, released, object_key FROM report_view WHERE report_id = ?",
                (rs, i) -> new ReportFile(rs.getString("report_id"), rs.getString("patient_id"),
                        rs.getBoolean("released"), rs.getString("object_key")), q.reportId())
                .stream().findFirst().orElse(null);
    }

    private ListPage<ReportSummary> page(String where, List<Object> args, String cursor, int size) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM report_view" + where, Long.class, args.toArray());
        return NEWEST_FIRST.page(jdbc, "SELECT * FROM report_view", where, args, ReportProjection::summary, cursor,
                size, total == null ? 0 : total, null);
    }

    private static ReportSummary summary(ResultSet rs, int row) throws SQLException {
        return new ReportSummary(rs.getString("report_id"), rs.getString("patient_id"),
                ReportType.valueOf(rs.getString("type")), rs.getString("title"), Utc.read(rs, "reported_at"),
                rs.getObject("report_date", LocalDate.class), rs.getInt("abnormal_items"),
                rs.getString("object_key") != null, rs.getBoolean("released"), rs.getInt("version"));
    }

    private static int abnormal(List<ReportItem> items) {
        return (int) items.stream().filter(i -> i.flag() != null).count();
    }

    private static LocalDate reportDate(Instant at) {
        return LocalDate.ofInstant(at, Clocks.HOSPITAL_ZONE);
    }
}
