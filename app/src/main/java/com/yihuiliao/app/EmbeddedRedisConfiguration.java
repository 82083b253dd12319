package com.yihuiliao.app;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.embedded.RedisServer;

/**
 * The embedded default: a redis-server of our own, so a machine with only a JDK runs the whole
 * system. It tries ports until one starts (another Redis may own 6379, and two of our processes
 * must never race for one port) and hands Spring the port that actually started.
 */
@Configuration
@ConditionalOnProperty(name = "yihuiliao.redis.embedded", havingValue = "true")
class EmbeddedRedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisConfiguration.class);

    /** Owns the server; closed after the connection factory that depends on it. */
    static final class EmbeddedRedis implements RedisConnectionDetails, AutoCloseable {
        private final RedisServer server;
        private final int port;

        EmbeddedRedis(RedisServer server, int port) {
            this.server = server;
            this.port = port;
        }

        @Override
        public Standalone getStandalone() {
            return Standalone.of("127.0.0.1", port);
        }

        @Override
        public void close() {
            try {
                server.stop();
            } catch (IOException e) {
                log.warn("Embedded Redis did not stop cleanly: {}", e.toString());
            }
        }
    }

    @Bean
    EmbeddedRedis embeddedRedis() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            try {
                server.start();
                log.info("Embedded Redis listening on 127.0.0.1:{}", port);
                return new EmbeddedRedis(server, port);
            } catch (IOException | RuntimeException e) {
                last = e instanceof IOException io ? io : new IOException(e);
            }
        }
        throw new IOException("Could not start an embedded Redis on any port tried", last);
    }
}
