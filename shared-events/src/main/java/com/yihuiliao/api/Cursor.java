package com.yihuiliao.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The opaque cursor of a list's next page: base64url of the list's name and the sort key of the last item
 * read, with a checksum. The checksum refuses edited, truncated and other lists' cursors (400
 * {@code INVALID_CURSOR}); it is no secret and need not be: a forged cursor can only move the position in a
 * list whose filter (and the caller's right to read it) is checked on every page anyway.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';
    private static final int MAX_LENGTH = 512;

    private Cursor() {
    }

    public static String encode(String list, Object... key) {
        StringBuilder text = new StringBuilder(list);
        for (Object value : key) {
            String part = String.valueOf(value);
            if (part.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("A cursor value may not hold the separator: " + part);
            }
            text.append(SEPARATOR).append(part);
        }
        String checksum = checksum(text.toString());
        text.append(SEPARATOR).append(checksum);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key's {@code fields} values of a cursor that {@link #encode} made for this list, or 400 INVALID_CURSOR. */
    public static List<String> decode(String list, String cursor, int fields) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        List<String> parts = new ArrayList<>(Arrays.asList(text.split(String.valueOf(SEPARATOR), -1)));
        int end = text.lastIndexOf(SEPARATOR);
        if (parts.size() != fields + 2 || !parts.get(0).equals(list)
                || !checksum(text.substring(0, end)).equals(parts.get(parts.size() - 1))) {
            throw invalid();
        }
        return List.copyOf(parts.subList(1, fields + 1));
    }

    public static BusinessRuleViolation invalid() {
        return new BusinessRuleViolation(ErrorCode.INVALID_CURSOR, "cursor",
                "is not a nextCursor this list answered; start again without one.");
    }

    private static String checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
