package com.yihuiliao.app.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.app.TestEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The modules' Flyway version ranges: each module's scripts lie in its range, a fresh database migrates, and a
 * database migrated under the old versions (as main did before the ranges) is renumbered once, runs none of its
 * scripts again and takes a new one below the applied projections' versions. On H2, or MariaDB with
 * -Dyihuiliao.test.db=mariadb.
 */
class FlywayRangesIT {

    /** Every location the app reads in one deployment or another: the default's and the benchmark's. */
    static final String[] APP_LOCATIONS = {"classpath:db/migration", "classpath:db/bench"};
    /** A command-side script that arrives after the renumbering, in the reserved V190–V199 gap (test only). */
    static final String NEW_SCRIPT_LOCATION = "classpath:db/flyway-ranges-it";

    static final String RANKS = "SELECT installed_rank FROM flyway_schema_history WHERE version IS NOT NULL "
            + "AND version <> '195' ORDER BY 1";
    static final Pattern SCRIPT = Pattern.compile("V(\\d+)__(.+)\\.sql");
    /** Which module a script comes from: its jar, or its target/classes in the reactor. */
    static final Pattern MODULE = Pattern.compile("/(app|command-side|projections|query-side|sandboxes)(?:/target/|-[^/]*\\.jar!)");
    static final Map<String, int[]> RANGES = Map.of(
            "app", new int[] {1, 99},
            // V190–V199 is the money room's, in command-side too (V190 payment orders)
            "command-side", new int[] {100, 199},
            "projections", new int[] {200, 299},
            "query-side", new int[] {300, 399},
            "sandboxes", new int[] {900, 999});

    @TempDir
    Path oldScripts;

    @Test
    void eachModulesScriptsLieInItsRange() throws IOException {
        List<String> seen = new ArrayList<>();
        for (Resource script : scripts()) {
            String url = script.getURL().toString();
            Matcher module = MODULE.matcher(url);
            assertThat(module.find()).as("module of %s", url).isTrue();
            int[] range = RANGES.get(module.group(1));
            assertThat(version(script)).as("%s of %s", script.getFilename(), module.group(1)).isBetween(range[0], range[1]);
            seen.add(module.group(1));
        }
        assertThat(seen).contains("app", "command-side", "projections", "sandboxes");
    }

    @Test
    void aFreshDatabaseMigratesAndEveryMovedScriptIsThereWithItsChecksum() {
        DataSource db = newDatabase("fresh");

        MigrateResult result = appFlyway(db, APP_LOCATIONS).migrate();

        assertThat(result.success).isTrue();
        assertThat(history(db)).containsAll(RenumberedHistory.MOVED.stream()
                .map(moved -> new Row(moved.newVersion(), moved.description(), moved.checksum(), moved.script()))
                .toList());
    }

    @Test
    void aDatabaseMigratedUnderTheOldVersionsIsRenumberedOnceAndRunsOnlyTheNewScript() throws IOException {
        DataSource db = newDatabase("upgrade");
        oldFlyway(db).migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        assertThat(versions(db)).contains("2", "3", "77", "1000").doesNotContain("100", "200");
        // what V211 and V216 (V46, V77 before) would delete if they ran again
        jdbc.update("INSERT INTO token_entry (segment, processor_name, timestamp) VALUES (0, 'topup-view', 'kept'), "
                + "(0, 'billing-view', 'kept')");
        List<Integer> ranksBefore = jdbc.queryForList(RANKS, Integer.class);

        MigrateResult result = appFlyway(db, APP_LOCATIONS, NEW_SCRIPT_LOCATION).migrate();

        assertThat(result.migrations).extracting(migration -> migration.version).containsExactly("195");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_ranges_test_only", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT processor_name FROM token_entry WHERE timestamp = 'kept'", String.class))
                .containsExactlyInAnyOrder("topup-view", "billing-view");
        // the same rows, in the order they ran, now read as a fresh database's (plus the new one)
        List<Row> fresh = freshHistory();
        List<Row> upgraded = history(db);
        assertThat(upgraded).hasSize(fresh.size() + 1).containsAll(fresh);
        assertThat(upgraded.get(upgraded.size() - 1).version()).isEqualTo("195");
        assertThat(jdbc.queryForList(RANKS, Integer.class)).isEqualTo(ranksBefore);

        // once: a restart moves nothing, runs nothing and validates
        assertThat(appFlyway(db, APP_LOCATIONS, NEW_SCRIPT_LOCATION).migrate().migrationsExecuted).isZero();
        assertThat(history(db)).isEqualTo(upgraded);
        assertThat(appFlyway(db, APP_LOCATIONS, NEW_SCRIPT_LOCATION).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void aScriptOfTheReservedGapAppliedBeforeTheRenumberingStaysAsItIs() throws IOException {
        DataSource db = newDatabase("gap");
        // V195 stands for V190__payment_orders: merged under the old numbering, it was already in its range
        oldFlyway(db, NEW_SCRIPT_LOCATION).migrate();

        MigrateResult result = appFlyway(db, APP_LOCATIONS, NEW_SCRIPT_LOCATION).migrate();

        assertThat(result.migrationsExecuted).isZero();
        assertThat(versions(db)).contains("100", "216", "195").doesNotContain("2", "77");
    }

    @Test
    void aRowItDoesNotKnowKeepsItsVersionAndValidationRefusesIt() throws IOException {
        DataSource db = newDatabase("unknown");
        oldFlyway(db).migrate();
        // as if the old V4 had been edited after it ran: not the script the mapping knows
        new JdbcTemplate(db).update("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '4'");

        ValidateResult result = appFlyway(db, APP_LOCATIONS).validateWithResult();

        assertThat(result.validationSuccessful).isFalse();
        assertThat(versions(db)).contains("4", "100", "102").doesNotContain("2", "6", "101");
    }

    /** The app's Flyway: its locations as the app is told them, with {@link MigrationRanges}. */
    static Flyway appFlyway(DataSource db, String[] locations, String... more) {
        List<String> all = new ArrayList<>(List.of(locations));
        all.addAll(List.of(more));
        return MigrationRanges.applyTo(Flyway.configure().dataSource(db).locations(all.toArray(String[]::new))).load();
    }

    /** Plain Flyway over every script of the app under its version before the ranges, as main migrated them. */
    Flyway oldFlyway(DataSource db, String... more) throws IOException {
        Map<String, String> oldVersionOf = RenumberedHistory.MOVED.stream()
                .collect(Collectors.toMap(RenumberedHistory.Moved::newVersion, RenumberedHistory.Moved::oldVersion));
        for (Resource script : scripts()) {
            Matcher name = SCRIPT.matcher(script.getFilename());
            assertThat(name.matches()).as(script.getFilename()).isTrue();
            String old = oldVersionOf.getOrDefault(name.group(1), name.group(1));
            try (InputStream in = script.getInputStream()) {
                Files.copy(in, oldScripts.resolve("V" + old + "__" + name.group(2) + ".sql"));
            }
        }
        List<String> locations = new ArrayList<>(List.of("filesystem:" + oldScripts));
        locations.addAll(List.of(more));
        return Flyway.configure().dataSource(db).locations(locations.toArray(String[]::new)).load();
    }

    static List<Resource> scripts() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> scripts = new ArrayList<>();
        for (String location : APP_LOCATIONS) {
            scripts.addAll(List.of(resolver.getResources(location.replace("classpath:", "classpath*:") + "/V*.sql")));
        }
        return scripts;
    }

    static int version(Resource script) {
        Matcher name = SCRIPT.matcher(script.getFilename());
        assertThat(name.matches()).as(script.getFilename()).isTrue();
        return Integer.parseInt(name.group(1));
    }

    record Row(String version, String description, int checksum, String script) {
    }

    static List<Row> freshHistory() {
        DataSource fresh = newDatabase("fresh");
        appFlyway(fresh, APP_LOCATIONS).migrate();
        return history(fresh);
    }

    static List<Row> history(DataSource db) {
        return new JdbcTemplate(db).query("SELECT version, description, checksum, script FROM flyway_schema_history "
                        + "WHERE version IS NOT NULL ORDER BY installed_rank",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
    }

    static List<String> versions(DataSource db) {
        return history(db).stream().map(Row::version).toList();
    }

    static DataSource newDatabase(String label) {
        Map<String, String> props = TestEnvironment.freshDatabase("flyway_" + label);
        Function<String, String> prop = key -> props.getOrDefault("spring.datasource." + key, "");
        return new DriverManagerDataSource(prop.apply("url"),
                props.getOrDefault("spring.datasource.username", "sa"), prop.apply("password"));
    }
}
