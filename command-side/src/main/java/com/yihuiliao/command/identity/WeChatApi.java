package com.yihuiliao.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * JSON POSTs to WeChat's API host (the settings', else a {@link WeChatEndpoint}'s, else WeChat's own), shared by
 * the clients that need the mini-program's access token: phone numbers, subscribe messages.
 */
@Component
public class WeChatApi {

    /** WeChat could not be reached, or answered other than HTTP 200. */
    public static class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(WeChatApi.class);

    private final WeChatSettings settings;
    private final Optional<WeChatEndpoint> endpoint;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;

    @Autowired
    public WeChatApi(WeChatSettings settings, Optional<WeChatEndpoint> endpoint) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    WeChatSettings settings() {
        return settings;
    }

    /** {@code pathAndQuery} after the host, e.g. {@code /cgi-bin/stable_token}; the answer as JSON, whatever its content type. */
    public JsonNode post(String pathAndQuery, Map<String, ?> body) {
        URI uri = URI.create(WeChatSettings.apiBase(settings, endpoint) + pathAndQuery);
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            // the URI carries the access token: log the path only
            log.warn("WeChat {} unreachable: {}", uri.getPath(), e.toString());
            throw new Unreachable(uri.getPath() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(uri.getPath() + ": interrupted");
        }
    }
}
