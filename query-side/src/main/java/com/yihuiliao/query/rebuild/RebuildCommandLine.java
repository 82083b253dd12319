package com.yihuiliao.query.rebuild;

import com.yihuiliao.query.rebuild.RebuildProgress.Mode;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command line's rebuild: {@code java -jar yihuiliao.jar --yihuiliao.audit.rebuild=billing-view,account-view
 * --server.port=0} starts a node, runs a verify of those models (or {@code all}) as any node would — the cluster
 * lock included —, draws its progress on the terminal, prints the differences and exits: 0 when verified, 1 when
 * rows differ, 2 when it failed or could not start.
 */
@Component
@ConditionalOnProperty("yihuiliao.audit.rebuild")
class RebuildCommandLine implements ApplicationRunner {

    private final Rebuilds rebuilds;
    private final ConfigurableApplicationContext context;
    private final String models;
    private final PrintStream out = System.out;

    RebuildCommandLine(Rebuilds rebuilds, ConfigurableApplicationContext context,
                       org.springframework.core.env.Environment environment) {
        this.rebuilds = rebuilds;
        this.context = context;
        this.models = environment.getProperty("yihuiliao.audit.rebuild", "");
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        int code;
        try {
            RebuildProgress progress = rebuilds.start(Arrays.stream(models.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList(), Mode.VERIFY, "command-line");
            while (!progress.finished()) {
                out.print("\r" + bar(progress, 40));
                out.flush();
                Thread.sleep(500);
                progress = rebuilds.progress(progress.rebuildId());
            }
            out.println("\r" + bar(progress, 40));
            code = report(progress);
        } catch (RuntimeException e) {
            out.println("rebuild could not run: " + e.getMessage());
            code = 2;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    private int report(RebuildProgress progress) {
        if (progress.state() == RebuildProgress.State.FAILED) {
            out.println("FAILED: " + progress.failure());
            return 2;
        }
        RebuildProgress.VerifyResult result = progress.result();
        result.tables().forEach(t -> out.printf(Locale.ROOT, "%-16s %-26s live %8d  shadow %8d  differing %d%n",
                t.model(), t.table(), t.liveRows(), t.shadowRows(), t.differences()));
        result.differences().forEach(d -> out.println("  " + d.kind() + " " + d.table() + " " + d.key()
                + (d.columns().isEmpty() ? "" : " " + d.columns())));
        out.println(progress.state() + ": " + result.differenceCount() + " differing rows, replayed to position "
                + result.replayPosition());
        return progress.state() == RebuildProgress.State.VERIFIED ? 0 : 1;
    }

    /** {@code [#######.....]  1234/5000 events  850/s  ETA 5s  REPLAYING} */
    static String bar(RebuildProgress progress, int width) {
        long total = Math.max(1, progress.eventsTotal());
        int filled = (int) Math.min(width, progress.eventsDone() * width / total);
        String rate = progress.eventsPerSecond() == null ? "-" : String.format(Locale.ROOT, "%.0f", progress.eventsPerSecond());
        String eta = progress.etaSeconds() == null ? "-" : progress.etaSeconds() + "s";
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + progress.eventsDone() + "/"
                + progress.eventsTotal() + " events  " + rate + "/s  ETA " + eta + "  " + progress.phase() + "   ";
    }
}
