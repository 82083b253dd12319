package com.yihuiliao.api.announcement;

/**
 * The announcements patients see now: published, activeFrom ≤ now < activeUntil (or no end);
 * pinned first, then the newest activeFrom. Answer: a list of {@link AnnouncementSummary}.
 */
public record FindActiveAnnouncements() {
}
