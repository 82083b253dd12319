package com.yihuiliao.query.rebuild;

import com.yihuiliao.projection.Utc;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One rebuild at a time in the whole cluster: the single row of {@code read_model_rebuild_lock}, taken by a
 * conditional UPDATE (the database decides between nodes), kept alive while the run reports progress, and free
 * again when the run ends or its expiry passes (a node that died mid-run holds it no longer than that).
 */
@Component
class RebuildLock {

    static final Duration EXPIRY = Duration.ofMinutes(2);
    private static final String LOCK = "read-models";

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    RebuildLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lock for the run; false while another run holds it. */
    boolean acquire(String rebuildId) {
        return jdbc.update("UPDATE read_model_rebuild_lock SET rebuild_id = ?, expires_at = ? WHERE lock_name = ? "
                        + "AND (rebuild_id IS NULL OR expires_at < ?)", rebuildId, Utc.of(clock.instant().plus(EXPIRY)),
                LOCK, Utc.of(clock.instant())) == 1;
    }

    /** Pushes the expiry on; false if the run no longer holds the lock (it expired and another took it). */
    boolean keep(String rebuildId) {
        return jdbc.update("UPDATE read_model_rebuild_lock SET expires_at = ? WHERE lock_name = ? AND rebuild_id = ?",
                Utc.of(clock.instant().plus(EXPIRY)), LOCK, rebuildId) == 1;
    }

    void release(String rebuildId) {
        jdbc.update("UPDATE read_model_rebuild_lock SET rebuild_id = NULL, expires_at = NULL WHERE lock_name = ? "
                + "AND rebuild_id = ?", LOCK, rebuildId);
    }

    /** The run holding the lock, if it has not expired. */
    String holder() {
        List<String> holders = jdbc.queryForList("SELECT rebuild_id FROM read_model_rebuild_lock WHERE lock_name = ? "
                + "AND rebuild_id IS NOT NULL AND expires_at >= ?", String.class, LOCK, Utc.of(clock.instant()));
        return holders.isEmpty() ? null : holders.get(0);
    }
}
