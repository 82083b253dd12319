package com.yihuiliao.storage;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.ClientException;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OssStorage} over the official aliyun-sdk-oss client (V1 signatures). One client, built on
 * first use (so a node without OSS settings still starts and the first use says what is missing) and
 * shut down with the application.
 */
public class AliyunOssStorage implements OssStorage, AutoCloseable {

    /** Where to connect and as whom. */
    public record Connection(String endpoint, String bucket, String accessKeyId, String accessKeySecret,
                             int maxErrorRetry) {
    }

    private static final Logger log = LoggerFactory.getLogger(AliyunOssStorage.class);

    private final Supplier<Connection> connection;
    private final Clock clock;
    private volatile OSS client;
    private volatile Connection connected;

    public AliyunOssStorage(Supplier<Connection> connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    public AliyunOssStorage(Connection connection) {
        this(() -> connection, Clock.systemUTC());
    }

    @Override
    public String put(String key, byte[] bytes, String contentType) {
        return put(key, new ByteArrayInputStream(bytes), bytes.length, md5(bytes), contentType);
    }

    @Override
    public String put(String key, Path file, String contentType) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(key, in, Files.size(file), md5(file), contentType);
        } catch (IOException e) {
            throw new ObjectStorageException("UNREADABLE", "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private String put(String key, InputStream body, long length, byte[] md5, String contentType) {
        OSS oss = client();
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentType(contentType);
        metadata.setContentLength(length);
        // OSS checks the body against it: a damaged upload is refused, never stored
        metadata.setContentMD5(Base64.getEncoder().encodeToString(md5));
        try {
            PutObjectResult result = oss.putObject(connected.bucket(), key, body, metadata);
            return result.getETag();
        } catch (OSSException e) {
            log.warn("OSS refused PUT {}: {} ({})", key, e.getErrorCode(), e.getRequestId());
            throw new ObjectStorageException(e.getErrorCode(), e.getErrorMessage(), e);
        } catch (ClientException e) {
            log.warn("OSS unavailable for PUT {}: {}", key, e.getMessage());
            throw new ObjectStorageException("UNAVAILABLE", e.getMessage(), e);
        }
    }

    @Override
    public PresignedUrl presignedGetUrl(String key, Duration validity) {
        OSS oss = client();
        Instant expiresAt = clock.instant().plus(validity).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try {
            return new PresignedUrl(oss.generatePresignedUrl(connected.bucket(), key, Date.from(expiresAt),
                    HttpMethod.GET).toString(), expiresAt);
        } catch (ClientException e) {
            throw new ObjectStorageException("PRESIGN_FAILED", e.getMessage(), e);
        }
    }

    private OSS client() {
        OSS current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    Connection c = connection.get();
                    require("endpoint", c.endpoint());
                    require("bucket", c.bucket());
                    require("access-key-id", c.accessKeyId());
                    require("access-key-secret", c.accessKeySecret());
                    ClientBuilderConfiguration configuration = new ClientBuilderConfiguration();
                    configuration.setMaxErrorRetry(c.maxErrorRetry());
                    configuration.setConnectionTimeout(5_000);
                    configuration.setSocketTimeout(15_000);
                    current = new OSSClientBuilder().build(c.endpoint(), c.accessKeyId(), c.accessKeySecret(),
                            configuration);
                    connected = c;
                    client = current;
                }
            }
        }
        return current;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.shutdown();
            client = null;
        }
    }

    private static byte[] md5(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Object storage is not configured: yihuiliao.oss." + name + " is missing");
        }
    }
}
