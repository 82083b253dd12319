package com.yihuiliao.command.integration;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The hospital's own systems that may push data in (LIS, PACS, HIS), by client id. Secrets come from the
 * environment in production (e.g. {@code YIHUILIAO_INTEGRATION_CLIENTS_LIS1_SECRET}); none are configured by
 * default, so the integration API refuses everything until some are.
 *
 * @param clients the machine clients by id (1–64 of {@code [A-Za-z0-9_-]})
 * @param window  how far a request's timestamp may be from our clock, either way; a nonce is remembered twice as
 *                long, so a request is never accepted twice within its window
 * @param maxBody the largest body read (a report's PDF comes base64 encoded inside it)
 */
@ConfigurationProperties("yihuiliao.integration")
public record IntegrationSettings(Map<String, Client> clients,
                                  @DefaultValue("5m") Duration window,
                                  @DefaultValue("16MB") DataSize maxBody) {

    public IntegrationSettings {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    /**
     * @param secret the HMAC-SHA256 key shared with the system, at least 32 bytes
     * @param system which system it is, which says what it may push
     */
    public record Client(String secret, IntegrationSystem system) {

        /** Never the secret: settings end up in logs and actuator answers. */
        @Override
        public String toString() {
            return "Client[system=" + system + ", secret=****]";
        }
    }
}
