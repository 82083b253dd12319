package com.yihuiliao.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where integration tests run. By default (the README's test command) on H2 and an embedded
 * Redis, like the embedded default; with -Dyihuiliao.test.db=mariadb on the machine's MariaDB
 * and Redis (127.0.0.1:3306 root, 127.0.0.1:6379), each run in a database of its own, dropped
 * when the JVM exits.
 */
public final class TestEnvironment {

    public static final boolean MARIADB = "mariadb".equalsIgnoreCase(System.getProperty("yihuiliao.test.db", "h2"));
    private static final String MARIADB_SERVER = System.getProperty("yihuiliao.test.mariadb-url",
            "jdbc:mariadb://127.0.0.1:3306/");
    private static final String REDIS_HOST = System.getProperty("yihuiliao.test.redis-host", "127.0.0.1");
    private static final String REDIS_PORT = System.getProperty("yihuiliao.test.redis-port", "6379");

    /** The tokens' key in tests, so a test can forge an expired or foreign token. */
    public static final String JWT_SECRET = "test-only-jwt-secret-of-at-least-32-bytes!";
    /** What Prometheus sends in tests to read /actuator/prometheus. */
    public static final String SCRAPE_TOKEN = "test-only-scrape-token-of-at-least-32-bytes";

    private TestEnvironment() {
    }

    /** Properties for an application on a new, empty database. */
    public static Map<String, String> freshDatabase(String label) {
        Map<String, String> props = new LinkedHashMap<>();
        String name = "yhl_" + label + "_" + UUID.randomUUID().toString().substring(0, 8);
        if (MARIADB) {
            createMariaDbDatabase(name);
            props.put("spring.datasource.url", MARIADB_SERVER + name);
            props.put("spring.datasource.username", "root");
            props.put("spring.datasource.password", "");
            props.put("yihuiliao.redis.embedded", "false");
            props.put("spring.data.redis.host", REDIS_HOST);
            props.put("spring.data.redis.port", REDIS_PORT);
            props.put("spring.cache.redis.key-prefix", "yhl:test:" + name + ":");
        } else {
            props.put("spring.datasource.url", "jdbc:h2:mem:" + name
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            props.put("yihuiliao.redis.embedded", "true");
        }
        props.put("yihuiliao.demo-data", "false");
        // tests wait on db-scheduler's tasks (hold expiries, refund and notification retries): a due task is
        // picked within 200 ms instead of production's second
        props.put("db-scheduler.polling-interval", "200ms");
        props.put("yihuiliao.security.jwt-secret", JWT_SECRET);
        props.put("yihuiliao.security.metrics-scrape-token", SCRAPE_TOKEN);
        props.put("yihuiliao.security.admin-password", Api.ADMIN_PASSWORD);
        // the races log in hundreds of accounts from one address; LimitsIT tests the limits themselves
        props.put("yihuiliao.security.logins-per-minute-per-client", "1000000");
        props.put("yihuiliao.security.bookings-per-minute-per-account", "1000");
        // the hospital's systems, as the integration tests sign for them (IntegrationSigner)
        IntegrationSigner.CLIENTS.forEach((id, system) -> {
            props.put("yihuiliao.integration.clients." + id + ".secret", IntegrationSigner.secretOf(id));
            props.put("yihuiliao.integration.clients." + id + ".system", system);
        });
        return props;
    }

    private static void createMariaDbDatabase(String name) {
        try (Connection c = DriverManager.getConnection(MARIADB_SERVER, "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + MARIADB_SERVER, e);
        }
        if (!Boolean.getBoolean("yihuiliao.test.keep-db")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropMariaDbDatabase(name)));
        }
    }

    private static void dropMariaDbDatabase(String name) {
        try (Connection c = DriverManager.getConnection(MARIADB_SERVER, "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException ignored) {
            // the next run uses a new name anyway
        }
    }
}
