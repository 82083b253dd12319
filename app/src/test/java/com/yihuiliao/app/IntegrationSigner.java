package com.yihuiliao.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hospital's systems as the tests play them: requests to the integration API signed as the documented
 * protocol says (written here from the protocol, not borrowed from the server's code, so each checks the other).
 */
public final class IntegrationSigner {

    /** The clients configured in tests (TestEnvironment), by id, with their system. */
    public static final Map<String, String> CLIENTS = Map.of("lis-test", "LIS", "pacs-test", "PACS", "his-test", "HIS");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A signed request as sent, so a test can send it again (a replay) or tamper with it. */
    public record Signed(String method, String path, String body, String clientId, String timestamp, String nonce,
                         String signature) {

        public Signed withBody(String other) {
            return new Signed(method, path, other, clientId, timestamp, nonce, signature);
        }

        public Signed withNonce(String other) {
            return new Signed(method, path, body, clientId, timestamp, other, signature);
        }
    }

    private final int port;
    private final String clientId;
    private final String secret;

    public IntegrationSigner(int port, String clientId) {
        this(port, clientId, secretOf(clientId));
    }

    /** A client signing with a secret of its own choosing (a forger, when it is not the configured one). */
    public IntegrationSigner(int port, String clientId, String secret) {
        this.port = port;
        this.clientId = clientId;
        this.secret = secret;
    }

    /** The test secret of a client: at least 32 bytes, as the server requires. */
    public static String secretOf(String clientId) {
        return "test-only-integration-secret-of-" + clientId;
    }

    public Signed sign(String method, String path, String body, Instant at) {
        String timestamp = String.valueOf(at.getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        try {
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(String.join("\n", method, path,
                    timestamp, nonce, bodyHash).getBytes(StandardCharsets.UTF_8)));
            return new Signed(method, path, body, clientId, timestamp, nonce, signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs now and sends. */
    public Api.Response post(String path, String body) {
        return send(sign("POST", path, body, Instant.now()));
    }

    public Api.Response send(Signed signed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + signed.path()))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .method(signed.method(), HttpRequest.BodyPublishers.ofString(signed.body()));
        if (signed.clientId() != null) {
            request.header("X-Yhl-Client", signed.clientId()).header("X-Yhl-Timestamp", signed.timestamp())
                    .header("X-Yhl-Nonce", signed.nonce()).header("X-Yhl-Signature", signed.signature());
        }
        return sendUnsigned(request);
    }

    /** Sends without any signature headers. */
    public Api.Response unsigned(String method, String path, String body) {
        return sendUnsigned(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Api.Response sendUnsigned(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Api.Response(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
