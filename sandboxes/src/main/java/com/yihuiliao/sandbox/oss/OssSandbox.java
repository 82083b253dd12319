package com.yihuiliao.sandbox.oss;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.yihuiliao.storage.AliyunOssStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for Aliyun OSS that speaks enough of its protocol for the official SDK: path-style
 * {@code PUT/GET/HEAD /bucket/key} on a JDK HTTP server bound to 127.0.0.1. Every request must be
 * signed with the V1 scheme, either the {@code Authorization: OSS ak:signature} header (checked with
 * its {@code Date}, at most 15 minutes off) or a presigned URL's {@code OSSAccessKeyId}, {@code Expires}
 * and {@code Signature}; the signature is HMAC-SHA1 over
 * {@code VERB\nContent-MD5\nContent-Type\nDate-or-Expires\nCanonicalizedOSSHeaders + /bucket/key}.
 * Errors are OSS's XML ({@code AccessDenied}, {@code SignatureDoesNotMatch}, {@code NoSuchKey}, …).
 * Objects are files under {@code root/<bucket>/<key>}, their content types under {@code root/.meta}.
 */
public class OssSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OssSandbox.class);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final Pattern SAFE_KEY = Pattern.compile("^[A-Za-z0-9!_.*'()/-]{1,1023}$");

    private final Path root;
    private final String bucket;
    private final String accessKeyId;
    private final byte[] accessKeySecret;
    private final Clock clock;
    private HttpServer server;
    private ExecutorService executor;

    public OssSandbox(Path root, String bucket, String accessKeyId, String accessKeySecret, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.bucket = bucket;
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Binds a free port on 127.0.0.1 and starts serving. */
    public synchronized OssSandbox start() {
        try {
            Files.createDirectories(root.resolve(bucket));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OSS sandbox", e);
        }
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "oss-sandbox");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.info("OSS sandbox serving bucket '{}' at {} (objects in {})", bucket, endpoint(), root);
        return this;
    }

    /** {@code http://127.0.0.1:<port>}: an IP endpoint, so the SDK uses path-style requests. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String bucket() {
        return bucket;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String accessKeySecret() {
        return new String(accessKeySecret, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private record Refusal(int status, String code, String message) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        exchange.getResponseHeaders().set("x-oss-request-id", requestId);
        exchange.getResponseHeaders().set("Server", "AliyunOSS-sandbox");
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            int slash = path.indexOf('/', 1);
            String bucketName = slash < 0 ? path.substring(1) : path.substring(1, slash);
            String key = slash < 0 ? "" : path.substring(slash + 1);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());

            Refusal refusal = authenticate(exchange, method, bucketName, key, query);
            if (refusal == null && !bucket.equals(bucketName)) {
                refusal = new Refusal(404, "NoSuchBucket", "The specified bucket does not exist.");
            }
            if (refusal == null && (key.isEmpty() || !SAFE_KEY.matcher(key).matches() || key.contains("..")
                    || key.startsWith("/"))) {
                refusal = new Refusal(400, "InvalidObjectName", "The sandbox does not take this object name.");
            }
            if (refusal != null) {
                error(exchange, requestId, refusal, method);
                return;
            }
            switch (method) {
                case "PUT" -> put(exchange, requestId, key);
                case "GET", "HEAD" -> get(exchange, requestId, key, method.equals("HEAD"));
                default -> error(exchange, requestId, new Refusal(405, "MethodNotAllowed",
                        "The sandbox serves PUT, GET and HEAD of objects."), method);
            }
        } catch (RuntimeException e) {
            log.warn("OSS sandbox failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            error(exchange, requestId, new Refusal(500, "InternalError", "The sandbox failed."),
                    exchange.getRequestMethod());
        }
    }

    private Refusal authenticate(HttpExchange exchange, String method, String bucketName, String key,
                                 Map<String, String> query) {
        String givenKeyId;
        String signature;
        String dateOrExpires;
        if (query.containsKey("Signature")) {
            givenKeyId = query.get("OSSAccessKeyId");
            signature = query.get("Signature");
            dateOrExpires = query.getOrDefault("Expires", "");
            long expires;
            try {
                expires = Long.parseLong(dateOrExpires);
            } catch (NumberFormatException e) {
                return new Refusal(403, "AccessDenied", "Expires is not a number of seconds.");
            }
            if (clock.instant().getEpochSecond() > expires) {
                return new Refusal(403, "AccessDenied", "Request has expired.");
            }
        } else {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("OSS ") || authorization.indexOf(':') < 0) {
                return new Refusal(403, "AccessDenied", "Anonymous access is forbidden for this operation.");
            }
            String credentials = authorization.substring(4);
            givenKeyId = credentials.substring(0, credentials.lastIndexOf(':'));
            signature = credentials.substring(credentials.lastIndexOf(':') + 1);
            dateOrExpires = header(exchange, "Date");
            try {
                Instant date = ZonedDateTime.parse(dateOrExpires, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                if (Duration.between(date, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
                    return new Refusal(403, "RequestTimeTooSkewed",
                            "The difference between the request time and the current time is too large.");
                }
            } catch (DateTimeParseException e) {
                return new Refusal(403, "AccessDenied", "The Date header is missing or not an HTTP date.");
            }
        }
        if (!accessKeyId.equals(givenKeyId)) {
            return new Refusal(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.");
        }
        String stringToSign = method + "\n" + header(exchange, "Content-MD5") + "\n" + header(exchange, "Content-Type")
                + "\n" + dateOrExpires + "\n" + canonicalizedOssHeaders(exchange) + "/" + bucketName + "/" + key;
        byte[] expected = Base64.getEncoder().encode(hmacSha1(stringToSign));
        if (signature == null || !MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
            log.debug("OSS sandbox: signature mismatch, string to sign {}", stringToSign.replace("\n", "\\n"));
            return new Refusal(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided.");
        }
        return null;
    }

    private void put(HttpExchange exchange, String requestId, String key) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        byte[] md5 = AliyunOssStorage.md5(body);
        String contentMd5 = header(exchange, "Content-MD5");
        if (!contentMd5.isEmpty() && !contentMd5.equals(Base64.getEncoder().encodeToString(md5))) {
            error(exchange, requestId, new Refusal(400, "InvalidDigest",
                    "The Content-MD5 you specified is not valid."), "PUT");
            return;
        }
        String contentType = header(exchange, "Content-Type");
        writeAtomically(objectFile(key), body);
        writeAtomically(metaFile(key), (contentType.isEmpty() ? "application/octet-stream" : contentType)
                .getBytes(StandardCharsets.UTF_8));
        exchange.getResponseHeaders().set("ETag", etag(md5));
        exchange.sendResponseHeaders(200, -1);
    }

    private void get(HttpExchange exchange, String requestId, String key, boolean headOnly) throws IOException {
        Path file = objectFile(key);
        if (!Files.isRegularFile(file)) {
            error(exchange, requestId, new Refusal(404, "NoSuchKey", "The specified key does not exist."),
                    headOnly ? "HEAD" : "GET");
            return;
        }
        byte[] body = Files.readAllBytes(file);
        Path meta = metaFile(key);
        exchange.getResponseHeaders().set("Content-Type", Files.isRegularFile(meta)
                ? Files.readString(meta) : "application/octet-stream");
        exchange.getResponseHeaders().set("ETag", etag(AliyunOssStorage.md5(body)));
        if (headOnly) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Path objectFile(String key) {
        return inside(root.resolve(bucket), key);
    }

    private Path metaFile(String key) {
        return inside(root.resolve(".meta").resolve(bucket), key);
    }

    private static Path inside(Path base, String key) {
        Path file = base.resolve(key).normalize();
        if (!file.startsWith(base)) {
            throw new IllegalArgumentException("object name outside the bucket");
        }
        return file;
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".upload", ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void error(HttpExchange exchange, String requestId, Refusal refusal, String method) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>" + refusal.code() + "</Code>\n"
                + "  <Message>" + refusal.message() + "</Message>\n  <RequestId>" + requestId + "</RequestId>\n"
                + "  <HostId>127.0.0.1</HostId>\n</Error>\n";
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            if ("HEAD".equals(method)) {
                exchange.sendResponseHeaders(refusal.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(refusal.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            log.debug("OSS sandbox: client went away before the error answer", e);
        }
    }

    private static String etag(byte[] md5) {
        return "\"" + HexFormat.of().withUpperCase().formatHex(md5) + "\"";
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value.trim();
    }

    /** {@code x-oss-*} headers, names in lower case, sorted, each {@code name:value\n}. */
    private static String canonicalizedOssHeaders(HttpExchange exchange) {
        TreeMap<String, String> ossHeaders = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
            if (name.startsWith("x-oss-")) {
                ossHeaders.put(name, String.join(",", header.getValue()).trim());
            }
        }
        StringBuilder canonical = new StringBuilder();
        ossHeaders.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        return canonical.toString();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private byte[] hmacSha1(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(accessKeySecret, "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
