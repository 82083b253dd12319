package com.yihuiliao.app.flyway;

import java.util.Arrays;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each module numbers its Flyway scripts in a range of its own, so the version says whose table it is: app (Axon's
 * and db-scheduler's tables) V1–V99, command-side V100–V189 (and V190–V199, kept for the money room's payment
 * orders), projections V200–V299, query-side V300–V399, the sandboxes' benchmark baseline (db/bench) V900–V999
 * (docs/architecture.md, <i>Flyway version ranges</i>). The app assembles Flyway over every module's
 * {@code db/migration}, so the rules for reading them live here; the scripts numbered before the ranges are moved
 * in existing databases' history by {@link RenumberedHistory}.
 */
@Configuration(proxyBeanMethods = false)
class MigrationRanges {

    @Bean
    FlywayConfigurationCustomizer migrationRangesCustomizer() {
        return MigrationRanges::applyTo;
    }

    /** The app's Flyway settings beyond its locations; the upgrade test applies the same. */
    static FluentConfiguration applyTo(FluentConfiguration flyway) {
        Callback[] callbacks = Arrays.copyOf(flyway.getCallbacks(), flyway.getCallbacks().length + 1);
        callbacks[callbacks.length - 1] = new RenumberedHistory();
        // A module's new script is usually lower than another module's applied one (a command-side V112 after the
        // projections' V216): out of order, Flyway applies such a pending script instead of refusing to start.
        // What it changes: on a database migrated before, new scripts of different modules may run in another
        // order than on a fresh one (each in version order still). So a script may rely on its own module's earlier
        // scripts and on the app's V1–V99, never on another module's tables. Applied scripts missing locally are
        // still refused, and one above every local version is still ignored as a newer node's (ignore pattern
        // *:future), as before. Hence Flyway's warning at each start, "outOfOrder mode is active": expected.
        return flyway.callbacks(callbacks).outOfOrder(true);
    }
}
