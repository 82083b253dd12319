package com.yihuiliao.command.hospital;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.command.integration.ExternalRecords;
import com.yihuiliao.storage.ObjectStorageException;
import com.yihuiliao.storage.OssStorage;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Images for rich text, stored in OSS under their own hash ({@code hospital/images/<sha256>.<ext>}), so the
 * same image uploaded twice is one object; the content links them by {@link #PATH}, which the query side
 * answers with a fresh presigned link.
 */
@Service
class HospitalImages {

    static final String PATH = "/api/hospital/images/";
    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(HospitalImages.class);

    /** The image types taken, by extension, each with the bytes its files start with. */
    private static final Map<String, byte[]> MAGIC = Map.of(
            "png", new byte[]{(byte) 0x89, 'P', 'N', 'G'},
            "jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "gif", new byte[]{'G', 'I', 'F', '8'},
            "webp", new byte[]{'R', 'I', 'F', 'F'});
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "gif", "image/gif", "webp", "image/webp");

    private final OssStorage storage;

    HospitalImages(OssStorage storage) {
        this.storage = storage;
    }

    /** Stores the image; answers the path rich text links it by. */
    String store(String dataBase64) {
        byte[] image;
        try {
            image = Base64.getMimeDecoder().decode(dataBase64);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "dataBase64", "dataBase64 is not base64.");
        }
        String extension = MAGIC.entrySet().stream()
                .filter(m -> image.length > m.getValue().length
                        && Arrays.equals(image, 0, m.getValue().length, m.getValue(), 0, m.getValue().length))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (extension == null || image.length > MAX_BYTES) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "dataBase64",
                    "dataBase64 is not a PNG, JPEG, GIF or WebP image of at most 5 MB.");
        }
        String name = ExternalRecords.sha256(image) + "." + extension;
        try {
            storage.put("hospital/images/" + name, image, CONTENT_TYPES.get(extension));
        } catch (ObjectStorageException | IllegalStateException e) {
            log.warn("Image {} not stored: {}", name, e.getMessage());
            throw new BusinessRuleViolation(ErrorCode.DOCUMENT_STORAGE_UNAVAILABLE);
        }
        return PATH + name;
    }
}
