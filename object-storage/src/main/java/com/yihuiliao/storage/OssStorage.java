package com.yihuiliao.storage;

import java.time.Duration;
import java.time.Instant;

/**
 * The object storage port (Aliyun OSS). Objects are written whole; a PUT of the same key replaces the
 * object, so repeating an upload is harmless. Failures surface as {@link ObjectStorageException}.
 */
public interface OssStorage {

    /** A link anyone holding it may GET until {@code expiresAt}. */
    record PresignedUrl(String url, Instant expiresAt) {
    }

    /** Stores {@code bytes} under {@code key}; answers the object's ETag. */
    String put(String key, byte[] bytes, String contentType);

    /** Stores the file's content under {@code key}, read as it is sent (a large export never fills the heap). */
    String put(String key, java.nio.file.Path file, String contentType);

    /** A presigned GET of {@code key} valid for {@code validity} (whole seconds); computed locally, no call. */
    PresignedUrl presignedGetUrl(String key, Duration validity);
}
