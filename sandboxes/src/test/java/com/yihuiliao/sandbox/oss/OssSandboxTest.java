package com.yihuiliao.sandbox.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yihuiliao.storage.AliyunOssStorage;
import com.yihuiliao.storage.ObjectStorageException;
import com.yihuiliao.storage.OssStorage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real aliyun-sdk-oss client against the sandbox over HTTP: signed PUT, presigned GET, and refusals. */
class OssSandboxTest {

    static final byte[] PDF = "%PDF-1.7 sandbox object".getBytes(StandardCharsets.US_ASCII);
    static final String KEY = "invoices/2026/11/24/YHL2026112400000001.pdf";

    @TempDir
    Path dir;
    OssSandbox sandbox;
    AliyunOssStorage storage;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sandbox = new OssSandbox(dir, "invoices-test", "SANDBOXAK", "sandbox-secret", Clock.systemUTC()).start();
        storage = new AliyunOssStorage(new AliyunOssStorage.Connection(sandbox.endpoint(), "invoices-test",
                "SANDBOXAK", "sandbox-secret", 0));
    }

    @AfterEach
    void stop() {
        storage.close();
        sandbox.close();
    }

    HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void putThenPresignedGetAnswersTheBytes() throws Exception {
        String etag = storage.put(KEY, PDF, "application/pdf");

        assertThat(etag).isNotBlank();
        assertThat(dir.resolve("invoices-test").resolve(KEY)).hasBinaryContent(PDF);
        OssStorage.PresignedUrl link = storage.presignedGetUrl(KEY, Duration.ofMinutes(10));
        assertThat(link.url()).startsWith(sandbox.endpoint() + "/invoices-test/" + KEY + "?")
                .contains("OSSAccessKeyId=SANDBOXAK", "Expires=", "Signature=");
        assertThat(link.expiresAt()).isBetween(Instant.now().plusSeconds(590), Instant.now().plusSeconds(601));
        HttpResponse<byte[]> response = get(link.url());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(PDF);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(response.headers().firstValue("ETag")).contains(etag.startsWith("\"") ? etag : "\"" + etag + "\"");
    }

    @Test
    void aRepeatedPutReplacesTheObject() throws Exception {
        storage.put(KEY, PDF, "application/pdf");
        storage.put(KEY, PDF, "application/pdf");

        assertThat(get(storage.presignedGetUrl(KEY, Duration.ofMinutes(1)).url()).body()).isEqualTo(PDF);
        try (var files = Files.walk(dir.resolve("invoices-test"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
        }
    }

    @Test
    void aTamperedSignatureIsRefused() throws Exception {
        storage.put(KEY, PDF, "application/pdf");
        String url = storage.presignedGetUrl(KEY, Duration.ofMinutes(10)).url();

        HttpResponse<byte[]> otherKey = get(url.replace("YHL2026112400000001", "YHL2026112400000002"));
        HttpResponse<byte[]> otherSignature = get(url.replaceAll("Signature=[^&]+", "Signature=AAAAAAAAAAAAAAAAAAAAAAAAAAA%3D"));
        HttpResponse<byte[]> longerValidity = get(url.replaceAll("Expires=(\\d+)", "Expires=9$1"));

        for (HttpResponse<byte[]> refused : new HttpResponse[]{otherKey, otherSignature, longerValidity}) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(text(refused)).contains("<Code>SignatureDoesNotMatch</Code>");
        }
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        storage.put(KEY, PDF, "application/pdf");
        // a link signed by a client whose clock is 11 minutes behind: valid 10 minutes, so expired a minute ago
        AliyunOssStorage late = new AliyunOssStorage(() -> new AliyunOssStorage.Connection(sandbox.endpoint(),
                "invoices-test", "SANDBOXAK", "sandbox-secret", 0),
                Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofMinutes(-11)));
        try {
            HttpResponse<byte[]> response = get(late.presignedGetUrl(KEY, Duration.ofMinutes(10)).url());

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(text(response)).contains("<Code>AccessDenied</Code>", "expired");
        } finally {
            late.close();
        }
    }

    @Test
    void unknownKeysAndUnsignedRequestsAreRefused() throws Exception {
        HttpResponse<byte[]> missing = get(storage.presignedGetUrl("invoices/none.pdf", Duration.ofMinutes(1)).url());
        HttpResponse<byte[]> anonymous = get(sandbox.endpoint() + "/invoices-test/" + KEY);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(text(missing)).contains("<Code>NoSuchKey</Code>");
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(text(anonymous)).contains("<Code>AccessDenied</Code>");
    }

    @Test
    void aWrongSecretFailsThePutWithOssErrorCode() {
        AliyunOssStorage wrong = new AliyunOssStorage(new AliyunOssStorage.Connection(sandbox.endpoint(),
                "invoices-test", "SANDBOXAK", "not-the-secret", 0));
        try {
            assertThatThrownBy(() -> wrong.put(KEY, PDF, "application/pdf"))
                    .isInstanceOfSatisfying(ObjectStorageException.class,
                            e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
            assertThat(dir.resolve("invoices-test").resolve(KEY)).doesNotExist();
        } finally {
            wrong.close();
        }
    }
}
