package com.yihuiliao.query;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.storage.ObjectStorageException;
import com.yihuiliao.storage.OssStorage;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Presigned links to stored documents (invoices, reports): the download goes straight to OSS, never through
 * the application. A storage that cannot sign answers 503 with the caller's code.
 */
@Component
public class DownloadLinks {

    /** A download link is valid this long. */
    public static final Duration VALIDITY = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(DownloadLinks.class);

    /** A presigned GET of the document, valid until {@code expiresAt}. */
    public record DownloadLink(String url, Instant expiresAt) {
    }

    private final OssStorage storage;

    DownloadLinks(OssStorage storage) {
        this.storage = storage;
    }

    public DownloadLink of(String objectKey, String what, ErrorCode unavailable) {
        try {
            OssStorage.PresignedUrl link = storage.presignedGetUrl(objectKey, VALIDITY);
            return new DownloadLink(link.url(), link.expiresAt());
        } catch (ObjectStorageException | IllegalStateException e) {
            log.warn("No download link for {}: {}", what, e.getMessage());
            throw new BusinessRuleViolation(unavailable);
        }
    }
}
