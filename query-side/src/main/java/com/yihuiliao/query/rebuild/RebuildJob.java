package com.yihuiliao.query.rebuild;

import com.yihuiliao.query.rebuild.RebuildProgress.Phase;
import com.yihuiliao.query.rebuild.RebuildProgress.TableResult;
import com.yihuiliao.query.rebuild.RebuildProgress.VerifyResult;
import com.yihuiliao.query.rebuild.RowComparison.Difference;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run: the shadow built, the event store replayed into it in global order through second instances of the
 * unchanged projections, then compared with the live tables once the live processors have passed the replay's
 * position; rows that differ are re-compared after catching the shadow (and live) up to the new head, a few
 * passes, so what live was still writing does not count as a difference.
 */
final class RebuildJob implements Runnable {

    private static final int BATCH = 250;
    private static final Duration REPORT_EVERY = Duration.ofMillis(500);

    private final Rebuilds.Settings settings;
    private final String rebuildId;
    private final List<RebuildableReadModel> models;
    private final EventStore eventStore;
    private final Configuration axon;
    private final BeanFactory beans;
    private final JdbcTemplate live;
    private final RebuildRuns runs;
    private final RebuildLock lock;
    private final Clock clock = Clock.systemUTC();

    private List<AnnotationEventHandlerAdapter> handlers;
    private TransactionTemplate shadowTransactions;
    private BlockingStream<TrackedEventMessage<?>> stream;
    private long position = -1;
    private long done;
    private long total;
    private Instant replayStart;
    private Instant lastReport = Instant.EPOCH;
    private Phase phase = Phase.STARTING;

    RebuildJob(Rebuilds.Settings settings, String rebuildId, List<RebuildableReadModel> models, EventStore eventStore,
               Configuration axon, BeanFactory beans, JdbcTemplate live, RebuildRuns runs, RebuildLock lock) {
        this.settings = settings;
        this.rebuildId = rebuildId;
        this.models = models;
        this.eventStore = eventStore;
        this.axon = axon;
        this.beans = beans;
        this.live = live;
        this.runs = runs;
        this.lock = lock;
    }

    @Override
    public void run() {
        List<String> tables = models.stream().flatMap(m -> m.tables().stream()).map(RebuildableReadModel.Table::name)
                .toList();
        VerifyResult result = null;
        String failure = null;
        try (ShadowDatabase shadow = ShadowDatabase.create(live.getDataSource(), settings.shadowName(), tables)) {
            JdbcTemplate shadowJdbc = new JdbcTemplate(shadow.dataSource());
            shadowTransactions = new TransactionTemplate(new DataSourceTransactionManager(shadow.dataSource()));
            handlers = models.stream().map(m -> adapter(m.projection(), shadowJdbc)).toList();
            result = verify(shadow);
        } catch (Exception | LinkageError e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            if (stream != null) {
                stream.close();
            }
            // the shadow is gone and the lock free before the run reads as done, so a caller who sees it done can
            // start the next one at once
            lock.release(rebuildId);
        }
        if (result != null) {
            runs.finish(rebuildId, result, clock.instant());
        } else {
            runs.fail(rebuildId, failure, clock.instant());
        }
    }

    private VerifyResult verify(ShadowDatabase shadow) throws InterruptedException {
        stream = eventStore.openStream(null);
        replayStart = clock.instant();
        long target = head();
        total = eventsUpTo(target);
        replay(Phase.REPLAYING, target);
        boolean liveReached = awaitLive(target);

        TableComparer comparer = new TableComparer(live, shadow);
        Map<RebuildableReadModel.Table, List<Difference>> differences = new LinkedHashMap<>();
        report(Phase.COMPARING, true);
        for (RebuildableReadModel model : models) {
            for (RebuildableReadModel.Table table : model.tables()) {
                differences.put(table, comparer.compareAll(table));
            }
        }
        int passes = 1;
        while (passes < settings.passes() && differences.values().stream().anyMatch(d -> !d.isEmpty())) {
            passes++;
            long head = head();
            if (head > target) {
                total += eventsBetween(target, head);
                target = head;
            }
            replay(Phase.CATCHING_UP, target);
            liveReached = awaitLive(target);
            report(Phase.COMPARING, true);
            for (Map.Entry<RebuildableReadModel.Table, List<Difference>> entry : differences.entrySet()) {
                if (!entry.getValue().isEmpty()) {
                    entry.setValue(comparer.compareKeys(entry.getKey(), entry.getValue().stream()
                            .map(d -> entry.getKey().keyColumns().stream().map(c -> d.key().get(c)).toList())
                            .toList()));
                }
            }
        }
        List<TableResult> tables = new ArrayList<>();
        List<Difference> listed = new ArrayList<>();
        long count = 0;
        for (RebuildableReadModel model : models) {
            for (RebuildableReadModel.Table table : model.tables()) {
                List<Difference> found = differences.get(table);
                tables.add(new TableResult(model.name(), table.name(), comparer.count(shadow.live(table.name())),
                        comparer.count(shadow.qualified(table.name())), found.size()));
                count += found.size();
                found.stream().limit(Math.max(0, settings.maxListed() - listed.size())).forEach(listed::add);
            }
        }
        return new VerifyResult(target, passes, liveReached, count, tables, listed);
    }

    /** Feeds the stream's events to the shadow projections until the one at {@code target} has been handled. */
    private void replay(Phase phase, long target) throws InterruptedException {
        report(phase, true);
        List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
        Instant idleSince = clock.instant();
        while (position < target) {
            if (!stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                flush(batch);
                if (Duration.between(idleSince, clock.instant()).compareTo(settings.liveWait()) > 0) {
                    throw new IllegalStateException("The event store gave nothing after position " + position
                            + " while replaying to " + target);
                }
                continue;
            }
            idleSince = clock.instant();
            TrackedEventMessage<?> event = stream.nextAvailable();
            position = position(event.trackingToken());
            batch.add(event);
            if (batch.size() >= BATCH) {
                flush(batch);
            }
        }
        flush(batch);
        report(phase, true);
    }

    private void flush(List<TrackedEventMessage<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        shadowTransactions.executeWithoutResult(tx -> batch.forEach(this::handle));
        done += batch.size();
        batch.clear();
        report(phase, false);
    }

    private void handle(EventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(event)) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("The shadow's " + handler.getTargetType().getSimpleName()
                            + " failed on " + event.getPayloadType().getSimpleName() + " " + event.getIdentifier(), e);
                }
            }
        }
    }

    /** Waits until every model's live processor has handled the event at {@code target}; false if it timed out. */
    private boolean awaitLive(long target) throws InterruptedException {
        report(Phase.WAITING_FOR_LIVE, true);
        LivePositions positions = new LivePositions(live, axon.serializer());
        Instant until = clock.instant().plus(settings.liveWait());
        while (true) {
            boolean all = models.stream().allMatch(m -> {
                OptionalLong at = positions.of(m.processingGroup());
                return at.isPresent() && at.getAsLong() >= target;
            });
            if (all) {
                return true;
            }
            if (clock.instant().isAfter(until)) {
                return false;
            }
            Thread.sleep(100);
            report(Phase.WAITING_FOR_LIVE, false);
        }
    }

    private void report(Phase phase, boolean now) {
        this.phase = phase;
        Instant at = clock.instant();
        if (!now && Duration.between(lastReport, at).compareTo(REPORT_EVERY) < 0) {
            return;
        }
        lastReport = at;
        double seconds = replayStart == null ? 0 : Duration.between(replayStart, at).toMillis() / 1000.0;
        Double rate = seconds > 0 ? done / seconds : null;
        Long eta = rate == null || rate == 0 ? null : (long) Math.ceil(Math.max(0, total - done) / rate);
        runs.progress(rebuildId, phase, done, Math.max(total, done), rate, eta, at);
        if (!lock.keep(rebuildId)) {
            throw new IllegalStateException("The rebuild lock expired and was taken by another run");
        }
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : position(head);
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("A token without a position: " + token));
    }

    private long eventsUpTo(long target) {
        Long count = live.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index <= ?",
                Long.class, target);
        return count == null ? 0 : count;
    }

    private long eventsBetween(long after, long upTo) {
        Long count = live.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index > ? "
                + "AND global_index <= ?", Long.class, after, upTo);
        return count == null ? 0 : count;
    }

    /**
     * A second instance of the projection, its SQL going to the shadow: a JdbcTemplate (or DataSource) argument is
     * the shadow's, any other is the context's bean. Handled as the live processor would: the configuration's
     * parameter resolvers (so @SequenceNumber, @Timestamp resolve) and handler definitions.
     */
    private AnnotationEventHandlerAdapter adapter(Class<?> type, JdbcTemplate shadowJdbc) {
        Constructor<?> constructor = java.util.Arrays.stream(type.getDeclaredConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount)).orElseThrow();
        Object[] args = new Object[constructor.getParameterCount()];
        Class<?>[] types = constructor.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (types[i] == JdbcTemplate.class) {
                args[i] = shadowJdbc;
            } else if (types[i] == NamedParameterJdbcTemplate.class) {
                args[i] = new NamedParameterJdbcTemplate(shadowJdbc);
            } else if (types[i] == javax.sql.DataSource.class) {
                args[i] = shadowJdbc.getDataSource();
            } else {
                args[i] = beans.getBean(types[i]);
            }
        }
        try {
            constructor.setAccessible(true);
            Object projection = constructor.newInstance(args);
            return new AnnotationEventHandlerAdapter(projection, axon.parameterResolverFactory(),
                    axon.handlerDefinition(type));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a shadow " + type.getSimpleName(), e);
        }
    }
}
