package com.yihuiliao.api.announcement;

import java.time.Instant;

/** An announcement as patients see it. activeUntil is null when it runs until withdrawn. */
public record AnnouncementSummary(String announcementId, String title, String body, Instant activeFrom,
                                  Instant activeUntil, boolean pinned) {
}
