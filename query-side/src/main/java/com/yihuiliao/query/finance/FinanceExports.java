package com.yihuiliao.query.finance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.projection.Utc;
import com.yihuiliao.query.DownloadLinks;
import com.yihuiliao.storage.ObjectStorageException;
import com.yihuiliao.storage.OssStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Finance's exports: a filtered set of at most {@code yihuiliao.finance.export.sync-max-rows} rows is answered at
 * once as a streamed file; a larger one becomes a job (a row of {@code finance_export} and a db-scheduler one-time
 * task {@value #TASK}, so one node of the cluster runs it, and a restart or a node that dies mid-export leaves it
 * to run again from the start). The job writes the file to a temporary file as it reads, then stores it in OSS;
 * its row says rows done of total as it goes, and when done a presigned link to the file. A job is its
 * requester's (and the super admin's): to anyone else it is unknown. The same request again while its job is
 * queued or running answers that job ({@code active_key}), so a repeated click starts none.
 */
@Component
public class FinanceExports {

    static final String TASK = "finance-export";
    private static final Logger log = LoggerFactory.getLogger(FinanceExports.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    /** Where a job is. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * An export job as its requester sees it.
     *
     * @param rowsDone  rows written so far (of the run under way, or all of them when done)
     * @param rowsTotal rows of the filtered set, counted when the job (last) started
     * @param downloadUrl a presigned GET of the file, valid until {@code downloadExpiresAt}; only when DONE
     */
    public record ExportJob(String exportId, String report, String format, State state, long rowsDone,
                            long rowsTotal, String fileName, String downloadUrl, Instant downloadExpiresAt,
                            Instant requestedAt, Instant finishedAt, String failure) {
    }

    private final FinanceExportPlans plans;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final OssStorage storage;
    private final DownloadLinks links;
    private final ObjectMapper web;
    private final Clock clock = Clock.systemUTC();
    private volatile long syncMaxRows;

    FinanceExports(FinanceExportPlans plans, JdbcTemplate jdbc, ObjectProvider<SchedulerClient> scheduler,
                   OssStorage storage, DownloadLinks links,
                   ObjectMapper web, @Value("${yihuiliao.finance.export.sync-max-rows:20000}") long syncMaxRows) {
        this.web = web;
        this.plans = plans;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.storage = storage;
        this.links = links;
        this.syncMaxRows = syncMaxRows;
    }

    /** The largest filtered set answered at once; settable at run time (operations, tests). */
    public long syncMaxRows() {
        return syncMaxRows;
    }

    public void syncMaxRows(long rows) {
        this.syncMaxRows = Math.max(0, rows);
    }

    /** The file now, or 202 and the job that makes it; {@code parameters} as name, value pairs (nulls skipped). */
    ResponseEntity<StreamingResponseBody> answer(String report, Authentication caller, String... parameters)
            throws JsonProcessingException {
        Map<String, String> params = new TreeMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            if (parameters[i + 1] != null) {
                params.put(parameters[i], parameters[i + 1]);
            }
        }
        ReportExport.Format format = ReportExport.Format.of(params.remove("format"));
        ReportExport.Plan<?> plan = plans.plan(report, params);
        if (plan.total() <= syncMaxRows) {
            return ReportExport.file(format, plan);
        }
        ExportJob job = start(report, format, params, ReportExport.fileName(plan.name(), format), caller.getName());
        // the job as JSON in the streamed body: Spring streams a ResponseEntity only when it is typed as such
        byte[] body = web.writeValueAsBytes(job);
        return ResponseEntity.accepted().location(URI.create("/api/admin/finance/exports/" + job.exportId()))
                .contentType(MediaType.APPLICATION_JSON).body(out -> out.write(body));
    }

    private ExportJob start(String report, ReportExport.Format format, Map<String, String> params, String fileName,
                            String requester) {
        String parameters = write(params);
        String activeKey = sha256(requester + "\n" + report + "\n" + format + "\n" + parameters);
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<String> running = activeJob(activeKey);
            if (running.isPresent()) {
                schedule(running.get()); // a job whose scheduling failed half-way is scheduled now
                return view(running.get()).orElseThrow();
            }
            String exportId = "EX" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            Instant now = clock.instant();
            try {
                jdbc.update("INSERT INTO finance_export (export_id, report, format, parameters, active_key, requested_by, "
                                + "state, file_name, requested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        exportId, report, format.name(), parameters, activeKey, requester, State.QUEUED.name(),
                        fileName, Utc.of(now), Utc.of(now));
            } catch (DuplicateKeyException sameRequestMeanwhile) {
                continue; // answered by the job the other request inserted
            }
            try {
                schedule(exportId);
            } catch (RuntimeException e) {
                jdbc.update("DELETE FROM finance_export WHERE export_id = ?", exportId);
                throw e;
            }
            log.info("Export {} of {} ({}) by {} queued", exportId, report, format, requester);
            return view(exportId).orElseThrow();
        }
        throw new BusinessRuleViolation(ErrorCode.SERVICE_BUSY);
    }

    private void schedule(String exportId) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(TASK, exportId, exportId), clock.instant());
    }

    private Optional<String> activeJob(String activeKey) {
        return jdbc.queryForList("SELECT export_id FROM finance_export WHERE active_key = ?", String.class, activeKey)
                .stream().findFirst();
    }

    /** A job as its requester or the super admin sees it; anyone else: 404 EXPORT_NOT_FOUND. */
    ExportJob find(String exportId, Authentication caller) {
        String owner = jdbc.queryForList("SELECT requested_by FROM finance_export WHERE export_id = ?", String.class,
                exportId).stream().findFirst().orElse(null);
        boolean superAdmin = caller.getAuthorities().stream().anyMatch(a -> "ROLE_SUPER_ADMIN".equals(a.getAuthority()));
        if (owner == null || !(owner.equals(caller.getName()) || superAdmin)) {
            throw new BusinessRuleViolation(ErrorCode.EXPORT_NOT_FOUND);
        }
        ExportJob job = view(exportId).orElseThrow(() -> new BusinessRuleViolation(ErrorCode.EXPORT_NOT_FOUND));
        if (job.state() != State.DONE) {
            return job;
        }
        String objectKey = jdbc.queryForObject("SELECT object_key FROM finance_export WHERE export_id = ?",
                String.class, exportId);
        DownloadLinks.DownloadLink link = links.of(objectKey, "export " + exportId, ErrorCode.EXPORT_STORAGE_UNAVAILABLE);
        return new ExportJob(job.exportId(), job.report(), job.format(), job.state(), job.rowsDone(), job.rowsTotal(),
                job.fileName(), link.url(), link.expiresAt(), job.requestedAt(), job.finishedAt(), job.failure());
    }

    private Optional<ExportJob> view(String exportId) {
        return jdbc.query("SELECT * FROM finance_export WHERE export_id = ?", (rs, i) -> new ExportJob(
                rs.getString("export_id"), rs.getString("report"), rs.getString("format").toLowerCase(),
                State.valueOf(rs.getString("state")), rs.getLong("rows_done"), rs.getLong("rows_total"),
                rs.getString("file_name"), null, null, Utc.read(rs, "requested_at"), Utc.read(rs, "finished_at"),
                rs.getString("failure")), exportId).stream().findFirst();
    }

    /**
     * The task's run: the whole file again, from the first row (a run cut short by a dead node wrote nothing that
     * counts). A failure is thrown for db-scheduler to try again later; a finished job is not run twice.
     */
    void run(String exportId) {
        record Job(String report, String format, String parameters, String state, long attempts) {
        }
        Job job = jdbc.query("SELECT report, format, parameters, state, attempts FROM finance_export WHERE export_id = ?",
                (rs, i) -> new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)),
                exportId).stream().findFirst().orElse(null);
        if (job == null || State.DONE.name().equals(job.state()) || State.FAILED.name().equals(job.state())) {
            return;
        }
        ReportExport.Format format = ReportExport.Format.valueOf(job.format());
        ReportExport.Plan<?> plan = plans.plan(job.report(), read(job.parameters()));
        jdbc.update("UPDATE finance_export SET state = ?, rows_done = 0, rows_total = ?, attempts = attempts + 1, "
                + "updated_at = ? WHERE export_id = ?", State.RUNNING.name(), plan.total(), Utc.of(clock.instant()),
                exportId);
        Path file = null;
        try {
            file = Files.createTempFile("finance-export-", format == ReportExport.Format.XLSX ? ".xlsx" : ".csv");
            long[] written = {0};
            try (OutputStream out = Files.newOutputStream(file)) {
                ReportExport.write(out, format, plan, rows -> {
                    written[0] = rows;
                    jdbc.update("UPDATE finance_export SET rows_done = ?, updated_at = ? WHERE export_id = ?", rows,
                            Utc.of(clock.instant()), exportId);
                });
            }
            Instant now = clock.instant();
            String objectKey = "exports/" + DAY_PATH.format(now.atZone(Clocks.HOSPITAL_ZONE)) + "/" + exportId
                    + (format == ReportExport.Format.XLSX ? ".xlsx" : ".csv");
            storage.put(objectKey, file, ReportExport.contentType(format));
            jdbc.update("UPDATE finance_export SET state = ?, rows_done = ?, object_key = ?, active_key = NULL, "
                            + "failure = NULL, updated_at = ?, finished_at = ? WHERE export_id = ?", State.DONE.name(),
                    written[0], objectKey, Utc.of(now), Utc.of(now), exportId);
            log.info("Export {} done: {} rows, {} bytes in {}", exportId, written[0], Files.size(file), objectKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ObjectStorageException e) {
            log.warn("Export {} could not be stored ({}): tried again later", exportId, e.getMessage());
            throw e;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.debug("Temporary file of export {} left behind: {}", exportId, file);
                }
            }
        }
    }

    /** After the last attempt: the job says why, and frees its request for a new one. */
    void fail(String exportId, Throwable cause) {
        String text = cause == null || cause.getMessage() == null ? "failed" : cause.getMessage();
        Instant now = clock.instant();
        jdbc.update("UPDATE finance_export SET state = ?, active_key = NULL, failure = ?, updated_at = ?, "
                        + "finished_at = ? WHERE export_id = ?", State.FAILED.name(),
                text.length() > 1000 ? text.substring(0, 1000) : text, Utc.of(now), Utc.of(now), exportId);
    }

    private static String write(Map<String, String> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(String params) {
        try {
            return JSON.readValue(params, new TypeReference<TreeMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not an export's parameters: " + params, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
