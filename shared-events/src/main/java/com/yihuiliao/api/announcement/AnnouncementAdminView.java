package com.yihuiliao.api.announcement;

import java.time.Instant;

/** An announcement as staff see it: with its status and who published it. */
public record AnnouncementAdminView(String announcementId, String title, String body, Instant activeFrom,
                                    Instant activeUntil, boolean pinned, AnnouncementStatus status,
                                    String publishedBy) {
}
