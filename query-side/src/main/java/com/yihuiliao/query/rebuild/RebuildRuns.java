package com.yihuiliao.query.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yihuiliao.projection.Utc;
import com.yihuiliao.query.rebuild.RebuildProgress.Mode;
import com.yihuiliao.query.rebuild.RebuildProgress.Phase;
import com.yihuiliao.query.rebuild.RebuildProgress.State;
import com.yihuiliao.query.rebuild.RebuildProgress.VerifyResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The runs' rows ({@code read_model_rebuild}): written by the node that runs one, read by any. */
@Component
class RebuildRuns {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RebuildRuns(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void start(String rebuildId, List<String> models, Mode mode, String requestedBy, String node, Instant at) {
        jdbc.update("INSERT INTO read_model_rebuild (rebuild_id, models, mode, state, phase, node, requested_by, "
                        + "started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rebuildId,
                String.join(",", models), mode.name(), State.RUNNING.name(), Phase.STARTING.name(), node,
                requestedBy, Utc.of(at), Utc.of(at));
    }

    void progress(String rebuildId, Phase phase, long done, long total, Double rate, Long etaSeconds, Instant at) {
        jdbc.update("UPDATE read_model_rebuild SET phase = ?, events_done = ?, events_total = ?, events_per_second = ?, "
                        + "eta_seconds = ?, updated_at = ? WHERE rebuild_id = ?", phase.name(), done, total, rate,
                etaSeconds, Utc.of(at), rebuildId);
    }

    void finish(String rebuildId, VerifyResult result, Instant at) {
        jdbc.update("UPDATE read_model_rebuild SET state = ?, phase = ?, replay_position = ?, differences = ?, "
                        + "result = ?, eta_seconds = 0, updated_at = ?, finished_at = ? WHERE rebuild_id = ?",
                (result.differenceCount() == 0 ? State.VERIFIED : State.DIFFERENT).name(), Phase.DONE.name(),
                result.replayPosition(), result.differenceCount(), write(result), Utc.of(at), Utc.of(at), rebuildId);
    }

    void fail(String rebuildId, String failure, Instant at) {
        String text = failure == null ? "failed" : failure.length() > 1000 ? failure.substring(0, 1000) : failure;
        jdbc.update("UPDATE read_model_rebuild SET state = ?, phase = ?, failure = ?, updated_at = ?, finished_at = ? "
                + "WHERE rebuild_id = ?", State.FAILED.name(), Phase.DONE.name(), text, Utc.of(at), Utc.of(at), rebuildId);
    }

    Optional<RebuildProgress> find(String rebuildId) {
        return jdbc.query("SELECT * FROM read_model_rebuild WHERE rebuild_id = ?", (rs, i) -> new RebuildProgress(
                rs.getString("rebuild_id"), Arrays.asList(rs.getString("models").split(",")),
                Mode.valueOf(rs.getString("mode")), State.valueOf(rs.getString("state")),
                Phase.valueOf(rs.getString("phase")), rs.getLong("events_done"), rs.getLong("events_total"),
                (Double) rs.getObject("events_per_second", Double.class), (Long) rs.getObject("eta_seconds", Long.class),
                rs.getString("requested_by"), rs.getString("node"), Utc.read(rs, "started_at"),
                Utc.read(rs, "updated_at"), Utc.read(rs, "finished_at"), read(rs.getString("result")),
                rs.getString("failure")), rebuildId).stream().findFirst();
    }

    private String write(VerifyResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a rebuild's result", e);
        }
    }

    private VerifyResult read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, VerifyResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a rebuild's result", e);
        }
    }
}
