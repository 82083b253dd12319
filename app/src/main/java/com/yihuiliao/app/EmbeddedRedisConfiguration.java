package com.yihuiliao.app;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.embedded.core.ExecutableProvider;

/**
 * The embedded default: a redis-server of our own, so a machine with only a JDK runs the whole
 * system. It tries ports until one starts (another Redis may own 6379, and two of our processes
 * must never race for one port) and hands Spring the port that actually started.
 *
 * <p>The binary comes from embedded-redis, but we run the process ourselves: the library's
 * {@code RedisServer} always registers a JVM shutdown hook that stops Redis while Spring is still
 * stopping the event processors that use it, which filled the log with errors on Ctrl-C. Here Redis
 * stops when the context closes, after the connection factory that depends on it.
 */
@Configuration
@ConditionalOnProperty(name = "yihuiliao.redis.embedded", havingValue = "true")
class EmbeddedRedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisConfiguration.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    /** Owns the server process; closed after the connection factory that depends on it. */
    static final class EmbeddedRedis implements RedisConnectionDetails, AutoCloseable {
        private final Process server;
        private final int port;

        EmbeddedRedis(Process server, int port) {
            this.server = server;
            this.port = port;
        }

        @Override
        public Standalone getStandalone() {
            return Standalone.of("127.0.0.1", port);
        }

        @Override
        public void close() throws InterruptedException {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Bean
    EmbeddedRedis embeddedRedis() throws IOException, InterruptedException {
        File executable = ExecutableProvider.newJarResourceProvider().get();
        String failure = "";
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
            Process server = new ProcessBuilder(executable.getAbsolutePath(), "--port", String.valueOf(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                    .directory(executable.getParentFile()).redirectErrorStream(true).start();
            if (ready(server)) {
                log.info("Embedded Redis listening on 127.0.0.1:{}", port);
                return new EmbeddedRedis(server, port);
            }
            server.destroyForcibly();
            failure = "port " + port + " taken or Redis did not start";
        }
        throw new IOException("Could not start an embedded Redis on any port tried: " + failure);
    }

    /** Waits for Redis to say it accepts connections; keeps draining its output so it never blocks. */
    private static boolean ready(Process server) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains("Ready to accept connections")) {
                        ready.countDown();
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, "embedded-redis-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.await(50, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (!server.isAlive()) {
                return false;
            }
        }
        return false;
    }
}
