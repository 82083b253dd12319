package com.yihuiliao.query.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shadow tables beside the live ones: a schema (H2) or database (MariaDB/MySQL) of their own, each table an exact
 * copy of the live one's DDL with its keys and indexes, reached through a small pool of its own whose default
 * schema or catalog is the shadow — so the projections' unqualified SQL writes there, unchanged.
 */
final class ShadowDatabase implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,60}");

    enum Dialect { H2, MYSQL }

    private final Dialect dialect;
    private final String liveSchema;
    private final String name;
    private final JdbcTemplate live;
    private final HikariDataSource pool;

    private ShadowDatabase(Dialect dialect, String liveSchema, String name, JdbcTemplate live, HikariDataSource pool) {
        this.dialect = dialect;
        this.liveSchema = liveSchema;
        this.name = name;
        this.live = live;
        this.pool = pool;
    }

    /**
     * Creates the shadow (dropping what a crashed run may have left under that name), copies the tables' DDL and
     * opens the pool. {@code configuredName} blank: {@code shadow} on H2, {@code <live database>_shadow} on MySQL.
     */
    static ShadowDatabase create(DataSource liveDataSource, String configuredName, List<String> tables) {
        if (!(liveDataSource instanceof HikariDataSource hikari)) {
            throw new IllegalStateException("A shadow needs the live pool's settings (HikariCP), not "
                    + liveDataSource.getClass().getName());
        }
        JdbcTemplate live = new JdbcTemplate(liveDataSource);
        Dialect dialect;
        String liveSchema;
        try (Connection c = liveDataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            dialect = product.contains("h2") ? Dialect.H2 : Dialect.MYSQL;
            liveSchema = dialect == Dialect.H2 ? c.getSchema() : c.getCatalog();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the live database's name", e);
        }
        String name = configuredName == null || configuredName.isBlank()
                ? (dialect == Dialect.H2 ? "shadow" : liveSchema + "_shadow") : configuredName;
        if (!NAME.matcher(name).matches() || name.equalsIgnoreCase(liveSchema)) {
            throw new IllegalStateException("Not a usable shadow name: " + name);
        }
        dropIfExists(live, dialect, name);
        try {
            if (dialect == Dialect.H2) {
                live.execute("CREATE SCHEMA \"" + name + "\"");
                for (String table : tables) {
                    for (String ddl : h2Ddl(live, liveSchema, name, table)) {
                        live.execute(ddl);
                    }
                }
            } else {
                live.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
                for (String table : tables) {
                    live.execute("CREATE TABLE `" + name + "`.`" + table + "` LIKE `" + liveSchema + "`.`" + table + "`");
                }
            }
        } catch (RuntimeException e) {
            dropIfExists(live, dialect, name);
            throw e;
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("rebuild-shadow");
        pool.setJdbcUrl(hikari.getJdbcUrl());
        pool.setUsername(hikari.getUsername());
        pool.setPassword(hikari.getPassword());
        if (hikari.getDriverClassName() != null) {
            pool.setDriverClassName(hikari.getDriverClassName());
        }
        pool.setTransactionIsolation(hikari.getTransactionIsolation());
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        if (dialect == Dialect.H2) {
            pool.setSchema(name);
        } else {
            pool.setCatalog(name);
        }
        return new ShadowDatabase(dialect, liveSchema, name, live, pool);
    }

    /**
     * The CREATE TABLE, its constraints and indexes as H2 scripts them, moved to the shadow schema. Only those
     * statements: the script also carries the user and settings.
     */
    private static List<String> h2Ddl(JdbcTemplate live, String liveSchema, String shadow, String table) {
        List<String> script = live.queryForList("SCRIPT NODATA TABLE \"" + liveSchema + "\".\"" + table + "\"",
                String.class);
        List<String> ddl = new ArrayList<>();
        for (String statement : script) {
            String s = statement.strip();
            if (s.startsWith("CREATE MEMORY TABLE") || s.startsWith("CREATE CACHED TABLE") || s.startsWith("ALTER TABLE")
                    || s.startsWith("CREATE INDEX") || s.startsWith("CREATE UNIQUE INDEX")) {
                ddl.add(s.replace("\"" + liveSchema + "\".", "\"" + shadow + "\"."));
            }
        }
        if (ddl.stream().noneMatch(s -> s.startsWith("CREATE"))) {
            throw new IllegalStateException("No table " + table + " in " + liveSchema);
        }
        return ddl;
    }

    private static void dropIfExists(JdbcTemplate live, Dialect dialect, String name) {
        live.execute(dialect == Dialect.H2 ? "DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE"
                : "DROP DATABASE IF EXISTS `" + name + "`");
    }

    String name() {
        return name;
    }

    DataSource dataSource() {
        return pool;
    }

    /** A table of the shadow, qualified, for reads from the live pool. */
    String qualified(String table) {
        return dialect == Dialect.H2 ? "\"" + name + "\".\"" + table + "\"" : "`" + name + "`.`" + table + "`";
    }

    /** A table of the live schema, qualified. */
    String live(String table) {
        return dialect == Dialect.H2 ? "\"" + liveSchema + "\".\"" + table + "\"" : "`" + liveSchema + "`.`" + table + "`";
    }

    /** Closes the pool and drops the shadow with its tables. */
    @Override
    public void close() {
        pool.close();
        dropIfExists(live, dialect, name);
    }
}
