package com.yihuiliao.command.announcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnnouncementContentTest {

    private static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void noEndIsAllowed() {
        assertNull(Announcements.Content.of("停诊通知", "正文", FROM, null).activeUntil());
    }

    @Test
    void endBeforeOrAtStartIsRefused() {
        assertRefused(() -> Announcements.Content.of("t", "b", FROM, FROM.minusSeconds(1)));
        assertRefused(() -> Announcements.Content.of("t", "b", FROM, FROM));
        assertEquals(FROM.plusSeconds(1), Announcements.Content.of("t", "b", FROM, FROM.plusSeconds(1)).activeUntil());
    }

    @Test
    void missingOrTooLongTextIsRefused() {
        assertRefused(() -> Announcements.Content.of(" ", "b", FROM, null));
        assertRefused(() -> Announcements.Content.of("t", null, FROM, null));
        assertRefused(() -> Announcements.Content.of("x".repeat(101), "b", FROM, null));
        assertRefused(() -> Announcements.Content.of("t", "x".repeat(5001), FROM, null));
        assertRefused(() -> Announcements.Content.of("t", "b", null, null));
        Announcements.Content.of("x".repeat(100), "x".repeat(5000), FROM, null);
    }

    @Test
    void instantsAreCutToWhatTheTableKeeps() {
        Instant from = Instant.parse("2025-06-01T00:00:00.123456789Z");
        Announcements.Content content = Announcements.Content.of("t", "b", from, from.plusNanos(999));
        assertEquals(Instant.parse("2025-06-01T00:00:00.123456Z"), content.activeFrom());
        assertEquals(Instant.parse("2025-06-01T00:00:00.123457Z"), content.activeUntil());
    }

    private static void assertRefused(Runnable action) {
        assertEquals(ErrorCode.VALIDATION_FAILED, assertThrows(BusinessRuleViolation.class, action::run).code());
    }
}
