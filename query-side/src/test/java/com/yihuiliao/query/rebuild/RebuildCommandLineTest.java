package com.yihuiliao.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.query.rebuild.RebuildProgress.Mode;
import com.yihuiliao.query.rebuild.RebuildProgress.Phase;
import com.yihuiliao.query.rebuild.RebuildProgress.State;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebuildCommandLineTest {

    static RebuildProgress progress(long done, long total, Double rate, Long eta) {
        return new RebuildProgress("RB1", List.of("billing-view"), Mode.VERIFY, State.RUNNING, Phase.REPLAYING, done,
                total, rate, eta, "auditor", "node", Instant.EPOCH, Instant.EPOCH, null, null, null);
    }

    @Test
    void theBar_showsEventsDoneOfTotal_rateAndTimeLeft() {
        assertThat(RebuildCommandLine.bar(progress(250, 1000, 850.4, 1L), 8))
                .startsWith("[##......] 250/1000 events  850/s  ETA 1s  REPLAYING");
        assertThat(RebuildCommandLine.bar(progress(0, 0, null, null), 4)).startsWith("[....] 0/0 events  -/s  ETA -");
        assertThat(RebuildCommandLine.bar(progress(1000, 1000, 10.0, 0L), 4)).startsWith("[####] 1000/1000");
    }
}
