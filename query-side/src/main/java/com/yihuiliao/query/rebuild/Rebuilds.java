package com.yihuiliao.query.rebuild;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.query.rebuild.RebuildProgress.Mode;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts rebuilds (one at a time in the cluster: {@link RebuildLock}) on a thread of this node and answers how
 * they go. The live processors keep running throughout: the rebuild writes only its shadow.
 */
@Component
public class Rebuilds implements DisposableBean {

    /** Where the shadow lives (blank: the default), how long to wait for live, how many compare passes. */
    record Settings(String shadowName, Duration liveWait, int passes, int maxListed) {
    }

    private final RebuildableReadModels registry;
    private final RebuildRuns runs;
    private final RebuildLock lock;
    private final EventStore eventStore;
    private final Configuration axon;
    private final BeanFactory beans;
    private final JdbcTemplate live;
    private final Settings settings;
    private final Clock clock = Clock.systemUTC();
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    Rebuilds(RebuildableReadModels registry, RebuildRuns runs, RebuildLock lock, EventStore eventStore,
             Configuration axon, BeanFactory beans, JdbcTemplate live,
             @Value("${yihuiliao.audit.rebuild.shadow:}") String shadowName,
             @Value("${yihuiliao.audit.rebuild.live-wait:60s}") Duration liveWait,
             @Value("${yihuiliao.audit.rebuild.passes:3}") int passes,
             @Value("${yihuiliao.audit.rebuild.max-listed-differences:1000}") int maxListed) {
        this.registry = registry;
        this.runs = runs;
        this.lock = lock;
        this.eventStore = eventStore;
        this.axon = axon;
        this.beans = beans;
        this.live = live;
        this.settings = new Settings(shadowName, liveWait, Math.max(1, passes), Math.max(0, maxListed));
    }

    /** Starts a rebuild of the named models; 409 REBUILD_IN_PROGRESS while another runs anywhere. */
    public RebuildProgress start(List<String> names, Mode mode, String requestedBy) {
        List<RebuildableReadModel> models = registry.named(names);
        String rebuildId = "RB" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        if (!lock.acquire(rebuildId)) {
            String holder = lock.holder();
            throw new BusinessRuleViolation(ErrorCode.REBUILD_IN_PROGRESS, "Rebuild " + (holder == null ? "" : holder + " ")
                    + "is running; one rebuild runs at a time in the cluster. Follow it, then ask again.");
        }
        try {
            runs.start(rebuildId, models.stream().map(RebuildableReadModel::name).toList(), mode, requestedBy, node,
                    clock.instant());
            worker.execute(new RebuildJob(settings, rebuildId, models, eventStore, axon, beans, live, runs, lock));
        } catch (RuntimeException e) {
            lock.release(rebuildId);
            throw e;
        }
        return progress(rebuildId);
    }

    /** A run as any node sees it; 404 REBUILD_NOT_FOUND for an id that names none. */
    public RebuildProgress progress(String rebuildId) {
        return runs.find(rebuildId).orElseThrow(() -> new BusinessRuleViolation(ErrorCode.REBUILD_NOT_FOUND));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
