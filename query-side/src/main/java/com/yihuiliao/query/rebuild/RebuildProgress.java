package com.yihuiliao.query.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * A rebuild as any node reads it: events replayed of the total known so far, the rate and the time left, and once
 * done its result (the comparison with the live tables).
 */
public record RebuildProgress(String rebuildId, List<String> models, Mode mode, State state, Phase phase,
                              long eventsDone, long eventsTotal, Double eventsPerSecond, Long etaSeconds,
                              String requestedBy, String node, Instant startedAt, Instant updatedAt,
                              Instant finishedAt, VerifyResult result, String failure) {

    public enum Mode { VERIFY }

    /** RUNNING, then VERIFIED (no differences), DIFFERENT (see the result) or FAILED (see failure). */
    public enum State { RUNNING, VERIFIED, DIFFERENT, FAILED }

    public enum Phase { STARTING, REPLAYING, WAITING_FOR_LIVE, COMPARING, CATCHING_UP, DONE }

    public boolean finished() {
        return state != State.RUNNING;
    }

    /** The comparison: per table, its rows on each side; every differing row by its key. */
    public record VerifyResult(long replayPosition, int passes, boolean liveReachedReplayPosition,
                               long differenceCount, List<TableResult> tables,
                               List<RowComparison.Difference> differences) {
    }

    /** One table of a verify: its rows live and in the shadow, and how many rows differ. */
    public record TableResult(String model, String table, long liveRows, long shadowRows, long differences) {
    }
}
